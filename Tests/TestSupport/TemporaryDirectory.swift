import Foundation

/// A fresh directory of the running test, removed when it ends (its suite is marked `.temporaryFiles`), with
/// ways to write files into it.
public struct TemporaryDirectory {
    /// The directory's path.
    public let path: String

    /// Makes the directory inside the running test's temporary directory.
    public init() throws {
        path = try freshDirectory()
    }

    /// Writes `text` as UTF-8 to the file `name` in the directory.
    public func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    /// Writes `bytes` to the file `name` in the directory.
    public func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
    }
}
