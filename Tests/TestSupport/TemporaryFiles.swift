import Foundation
import Testing

/// Gives each test its own temporary directory, removed when the test ends: `@Suite(.temporaryFiles)`.
public struct TemporaryFilesTrait: SuiteTrait, TestTrait, TestScoping {
    /// Where the running test's temporary files go.
    @TaskLocal public static var directory: String?

    public var isRecursive: Bool { true }

    /// Runs one test case inside a directory of its own and removes the directory afterwards.
    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard testCase != nil else { return try await function() }
        let directory = NSTemporaryDirectory() + "/respond-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await Self.$directory.withValue(directory) { try await function() }
    }
}

extension Trait where Self == TemporaryFilesTrait {
    /// Each test gets a temporary directory of its own, removed afterwards.
    public static var temporaryFiles: Self { TemporaryFilesTrait() }
}

/// A fresh directory inside the running test's temporary directory.
public func freshDirectory() throws -> String {
    let base = TemporaryFilesTrait.directory ?? NSTemporaryDirectory() + "/respond-test-unscoped"
    let path = base + "/" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
