import Foundation
import TestSupport
import Testing

/// Real processes appending to one journal at once, and a writer killed mid-burst.
@Suite("Journal under concurrent and killed writers", .temporaryFiles, .tags(.slow))
struct JournalWriterTests {
    /// Every line of the journal, parsed; a line that is not a whole JSON object fails the test.
    func parsedLines(_ path: String) throws -> [[String: Any]] {
        try fileLines(path).enumerated().map { number, line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object, "line \(number + 1) is not whole: \(line)")
        }
    }

    func seqs(_ lines: [[String: Any]]) -> [Int] {
        lines.compactMap { $0["seq"] as? Int }
    }

    @Test("4 writer processes × 500 appends give 2,000 whole lines with strictly increasing seq")
    func concurrentWriters() throws {
        let home = try makeHome()
        let id = try respond(["start", "disk-full", "--detach", "--id", "load"], home: home).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let writers = try (1...4).map { writer in
            var environment = ProcessInfo.processInfo.environment
            environment["RESPOND_HOME"] = home
            environment["RESPOND_BIN"] = PackagePaths.binary
            environment["ID"] = id
            environment["WRITER"] = "w\(writer)"
            return try RunningProcess(
                "/bin/sh",
                [
                    "-c",
                    #"for i in $(seq 500); do "$RESPOND_BIN" log "$ID" note "w$i" --as "$WRITER" >/dev/null || exit 1; done"#,
                ],
                environment: environment)
        }
        for writer in writers {
            let result = try writer.finish()
            #expect(result.status == 0, "\(result.stderr)")
        }
        let lines = try parsedLines(home + "/incidents/\(id)/timeline.jsonl")
        #expect(lines.count == 2001)
        #expect(seqs(lines) == Array(1...2001))
        for writer in 1...4 {
            let notes = lines.filter { $0["actor"] as? String == "w\(writer)" }.compactMap { $0["text"] as? String }
            #expect(notes == (1...500).map { "w\($0)" }, "writer \(writer)'s notes are missing or out of order")
        }
    }

    @Test("a writer killed with SIGKILL mid-burst loses no acknowledged event and leaves only whole lines")
    func killedMidBurst() throws {
        let home = try makeHome()
        let id = try respond(["start", "disk-full", "--detach", "--id", "burst"], home: home).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let writer = try SpawnedGroup(
            script: #"while :; do "$RESPOND_BIN" log "$ID" note "burst" || exit 1; done"#,
            environment: ["RESPOND_HOME": home, "RESPOND_BIN": PackagePaths.binary, "ID": id]
        )
        var output = ""
        let deadline = Date().addingTimeInterval(120)
        while output.components(separatedBy: "\n").count <= 40, Date() < deadline {
            output += try writer.readAvailable(waitingUpTo: 0.2)
        }
        try writer.kill()
        output += try writer.readToEnd()
        let acknowledged = output.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix("saved #") else { return nil }
            return Int(line.dropFirst("saved #".count).prefix { $0.isNumber })
        }
        #expect(acknowledged.count >= 40)

        let path = home + "/incidents/\(id)/timeline.jsonl"
        let stored = seqs(try parsedLines(path))
        #expect(Set(acknowledged).isSubset(of: Set(stored)))
        #expect(stored == Array(1...stored.count))
        let after = try respond(["log", id, "note", "after the kill"], home: home)
        #expect(after.stdout == "saved #\(stored.count + 1) note\n")
    }
}

/// A shell script run in its own process group, so that it and its children can be killed at once, with its
/// standard output read as it comes.
final class SpawnedGroup {
    private let shell: ChildProcess
    private let output: Int32

    init(script: String, environment: [String: String]) throws {
        let pipe = try closeOnExecPipe()
        defer { close(pipe.write) }
        do {
            shell = try ChildProcess(
                "/bin/sh", ["-c", script], environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
                stdout: .descriptor(pipe.write), stderr: .descriptor(2), ownProcessGroup: true)
        } catch {
            close(pipe.read)
            throw error
        }
        output = pipe.read
    }

    deinit {
        close(output)
    }

    /// Whatever the group has written, waiting at most `seconds` for the first byte.
    func readAvailable(waitingUpTo seconds: Double) throws -> String {
        var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(seconds * 1000)) > 0 else { return "" }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = read(output, &buffer, buffer.count)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
    }

    /// Everything written until every process of the group has closed its output.
    func readToEnd() throws -> String {
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(output, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return text }
            text += String(decoding: buffer[0..<count], as: UTF8.self)
        }
    }

    /// Sends SIGKILL to the whole group and reaps the shell.
    func kill() throws {
        Glibc.kill(-shell.pid, SIGKILL)
        _ = try shell.waitForExit()
    }
}
