import Foundation

/// The built `respond` binary, found from this file's path: `make test` builds it before `swift test`.
let respondBinary: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/respond").path
}()

/// What a finished `respond` run printed and how it exited.
struct RespondResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// A fresh incident home for one test, so tests running in parallel never share incidents.
func makeHome() throws -> String {
    let path = NSTemporaryDirectory() + "/respond-e2e-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Runs `respond` with `arguments` against `home` and waits for it to exit.
func respond(_ arguments: [String], home: String, actor: String = "tester") throws -> RespondResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: respondBinary)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["RESPOND_HOME"] = home
    environment["RESPOND_ACTOR"] = actor
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RespondResult(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self)
    )
}

/// The lines of a file, without the empty string after the final newline.
func fileLines(_ path: String) throws -> [String] {
    var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
}
