import Foundation
import Testing
import IncidentKit

/// A fresh directory for one test, removed when the test ends (its suite has `.temporaryFiles`).
func makeTemporaryDirectory() throws -> String {
    try freshDirectory()
}

/// The date of an ISO 8601 literal used in tests.
func utc(_ text: String) -> Date {
    JournalTime.date(from: text) ?? Date(timeIntervalSince1970: 0)
}

/// The file's permission bits.
func mode(of path: String) -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { return -1 }
    return Int(info.st_mode & 0o7777)
}

/// Appends raw bytes to a file, as a crashed or foreign writer would leave them.
func appendRaw(_ text: String, to path: String) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
}


/// Gives each test its own temporary directory, removed when the test ends: `@Suite(.temporaryFiles)`.
struct TemporaryFilesTrait: SuiteTrait, TestTrait, TestScoping {
    /// Where the running test's temporary files go.
    @TaskLocal static var directory: String?

    var isRecursive: Bool { true }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard testCase != nil else { return try await function() }
        let directory = NSTemporaryDirectory() + "/incidentkit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await Self.$directory.withValue(directory) { try await function() }
    }
}

extension Trait where Self == TemporaryFilesTrait {
    /// Each test gets a temporary directory of its own, removed afterwards.
    static var temporaryFiles: Self { TemporaryFilesTrait() }
}

/// A fresh directory inside the running test's temporary directory.
func freshDirectory() throws -> String {
    let base = TemporaryFilesTrait.directory ?? NSTemporaryDirectory() + "/incidentkit-unscoped"
    let path = base + "/" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
