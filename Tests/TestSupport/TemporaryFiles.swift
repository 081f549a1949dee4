import Foundation
import Testing

/// Gives each test its own temporary directory, removed when the test ends: `@Suite(.temporaryFiles)`.
public struct TemporaryFilesTrait: SuiteTrait, TestTrait, TestScoping {
    /// Where the running test's temporary files go.
    @TaskLocal public static var directory: String?

    /// The trait reaches every test of a suite it marks, so each gets its own directory.
    public var isRecursive: Bool { true }

    /// Runs one test case inside a directory of its own and removes the directory afterwards.
    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard testCase != nil else { return try await function() }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("respond-test-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Explicitly, not from the umask: a test that changes the process's umask for a moment must not make
        // another test's directory writable by everyone, which respond refuses as a home.
        chmod(directory, 0o755)
        try await Self.$directory.withValue(directory) { try await function() }
    }
}

extension Trait where Self == TemporaryFilesTrait {
    /// Each test gets a temporary directory of its own, removed afterwards.
    public static var temporaryFiles: Self { TemporaryFilesTrait() }
}

/// A fresh directory inside the running test's temporary directory, removed with it when the test ends. Outside
/// a suite or test marked `.temporaryFiles` there is nothing to remove it, so that is an error.
public func freshDirectory() throws -> String {
    guard let base = TemporaryFilesTrait.directory else { throw UnscopedTemporaryDirectory() }
    let path = base + "/" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    chmod(path, 0o755)
    return path
}

/// `freshDirectory()` was called by a test that is not marked `.temporaryFiles`.
public struct UnscopedTemporaryDirectory: Error, CustomStringConvertible {
    /// What to do about it.
    public var description: String {
        "freshDirectory() needs its test or suite marked .temporaryFiles, which removes the directory afterwards"
    }
}
