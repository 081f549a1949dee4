import Foundation
import IncidentModel
import Testing

@testable import CommandRunner

/// The output file: named after the step and never the command, and capped, with what was dropped said in the
/// file, the pane, the result and the journal's record.
@Suite("Output files", .temporaryFiles)
struct OutputFileTests {
    @Test("the output file is named after the runbook and the step, and no part of the command line is in it")
    func nameFromStep() throws {
        let incident = try IncidentDirectory()
        var request = incident.request("PGPASSWORD=hunter2secret psql -h db.internal -c 'select 1' || true")
        request.step = StepRef(runbook: "slow-queries", step: "diagnosis-2", title: "找出慢查詢")
        let result = try CommandExecution.start(request, policy: .allowed, redact: keepText).waitForResult()
        let name = try #require(result.outputFile.split(separator: "/").last)
        #expect(result.outputFile.hasPrefix("commands/"))
        #expect(name.hasSuffix("Z-slow-queries-diagnosis-2.log"))
        for word in ["pgpassword", "hunter2secret", "psql", "db", "internal", "select"] {
            #expect(!name.lowercased().contains(word))
        }
        #expect(FileManager.default.fileExists(atPath: incident.path + "/" + result.outputFile))
    }

    @Test("step ids that are not plain names are cut to letters, digits and dashes")
    func hostileIDs() {
        #expect(OutputLog.origin(of: StepRef(runbook: "../../etc", step: "a b\n/c", title: "")) == "etc-a-b-c")
        #expect(OutputLog.origin(of: StepRef(runbook: "診斷", step: "///", title: "")) == "command")
        #expect(OutputLog.origin(of: nil) == "command")
        let long = StepRef(runbook: String(repeating: "x", count: 300), step: "s", title: "")
        #expect(OutputLog.origin(of: long).count == 42)
    }

    @Test("past the cap the output is counted, not kept, and the file, the pane, the summary and the record say so")
    func cap() throws {
        let incident = try IncidentDirectory()
        let collected = CollectedOutput()
        let result = try CommandExecution.start(
            incident.request("head -c 100000 /dev/zero | tr '\\0' y", outputCap: 4096), policy: .allowed,
            redact: keepText, onOutput: collected.append
        ).waitForResult()
        #expect(result.exitCode == 0)
        #expect(result.outputBytes == 100_000)
        let markers = "+ head -c 100000 /dev/zero\n+ tr '\\0' y\n"
        #expect(result.outputDroppedBytes == 100_000 - (4096 - markers.utf8.count))
        let file = try String(contentsOfFile: incident.path + "/" + result.outputFile, encoding: .utf8)
        let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6)
        #expect(lines[2].count == 4096 - markers.utf8.count)
        let capNote = "[respond: the output file keeps the first 4 KiB; the rest of the output is counted, not kept]"
        #expect(lines[3] == capNote)
        let dropped = result.outputDroppedBytes
        #expect(lines[4] == "[respond: \(dropped) bytes (93.7 KiB) of output past the cap were not kept]")
        #expect(collected.value.contains("\n" + capNote + "\n"))
        #expect(result.summary.hasPrefix("exit 0 · "))
        #expect(result.summary.hasSuffix(" · 93.7 KiB of output not kept (over the 4 KiB cap)"))
        let run = result.commandRun(step: nil, placeholders: [:])
        #expect(run.outputBytes == 100_000)
        #expect(run.outputDroppedBytes == result.outputDroppedBytes)
    }

    @Test("markers past the cap are not kept either: a loop cannot grow the file without bound")
    func markersRespectTheCap() throws {
        let incident = try IncidentDirectory()
        let result = try CommandExecution.start(
            incident.request("for i in $(seq 1 3000); do :; done", outputCap: 2048), policy: .allowed,
            redact: keepText
        ).waitForResult()
        #expect(result.outputBytes == 0)
        #expect(result.outputDroppedBytes == 0)
        let size = try #require(
            try FileManager.default.attributesOfItem(
                atPath: incident.path + "/" + result.outputFile)[.size] as? Int)
        #expect(size > 2048 && size < 2048 + 200)
        #expect(result.commandRun(step: nil, placeholders: [:]).outputDroppedBytes == nil)
    }

    @Test("an output file is never opened through a link planted in its place")
    func noFollow() throws {
        let incident = try IncidentDirectory()
        let date = Date(timeIntervalSince1970: 1_700_000_000.123)
        try FileManager.default.createDirectory(atPath: incident.path + "/commands", withIntermediateDirectories: false)
        let target = incident.path + "/target"
        #expect(symlink(target, incident.path + "/commands/20231114T221320.123Z-command.log") == 0)
        var log = try OutputLog(incidentDirectory: incident.path, step: nil, startedAt: date, cap: 1024)
        log.close()
        #expect(log.relativePath == "commands/20231114T221320.123Z-command-2.log")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("sizes read as the responder writes them and print for people")
    func sizes() {
        #expect(ByteSize.parse("20M") == 20 << 20)
        #expect(ByteSize.parse("512k") == 512 << 10)
        #expect(ByteSize.parse("1G") == 1 << 30)
        #expect(ByteSize.parse("1GiB") == 1 << 30)
        #expect(ByteSize.parse("64MB") == 64 << 20)
        #expect(ByteSize.parse("1048576") == 1 << 20)
        for bad in ["", "M", "-1M", "1.5M", "20X", "20 M", "iB", "99999999999999999999", "9000000000T", "２０M"] {
            #expect(ByteSize.parse(bad) == nil, "\(bad)")
        }
        #expect(ByteSize.format(1) == "1 byte")
        #expect(ByteSize.format(1000) == "1000 bytes")
        #expect(ByteSize.format(20 << 20) == "20 MiB")
        #expect(ByteSize.format(1536) == "1.5 KiB")
        #expect(ByteSize.format(3 << 40) == "3 TiB")
    }
}
