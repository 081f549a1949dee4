import Foundation
import TestSupport
import Testing

/// The most memory `respond lint` or `show` may hold at once for one file at the size limit, whatever its shape;
/// docs/runbook-format.md promises it.
private let documentedPeakBytes = 400 << 20

/// The size limit of a runbook file (docs/runbook-format.md).
private let sizeLimit = 1 << 20

/// A home whose fixture runbook numbers its first step `99999999999999999999`, too long for any integer.
private func homeWithHugeStepNumber() throws -> String {
    let home = try makeHome()
    let text = fixtureRunbook.replacingOccurrences(
        of: "### Step 1: 找出滿的 volume", with: "### Step 99999999999999999999: 找出滿的 volume")
    try text.write(toFile: home + "/runbooks/disk-full.md", atomically: true, encoding: .utf8)
    return home
}

/// Runs `respond ARGS` against `directory` as its runbooks, output discarded; its exit status and peak memory.
///
/// The peak is at least the child's own: Linux counts the spawning process's high-water mark too (posix_spawn
/// shares its memory until exec), so it holds this test process's peak as well, which stays below the bound.
private func peakOfRespond(
    _ arguments: [String], runbooks directory: String
) throws -> (status: Int32, peakBytes: Int) {
    var environment = ProcessInfo.processInfo.environment
    environment["RESPOND_RUNBOOKS"] = directory
    let child = try ChildProcess(
        PackagePaths.binary, arguments, environment: environment,
        stdout: .file("/dev/null"), stderr: .file("/dev/null"))
    return try child.waitForExitWithPeakMemory()
}

@Suite("Runbook size and shape are bounded in every command", .serialized, .temporaryFiles, .tags(.slow))
struct RunbookLimitsCommandTests {
    @Test("a step numbered 99999999999999999999 is text to lint, show, start, log, export and review --plain")
    func hugeStepNumberCommands() throws {
        let home = try homeWithHugeStepNumber()
        let lint = try respond(["lint"], home: home)
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        let show = try respond(["show", "disk-full"], home: home)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("▸ Step 99999999999999999999: 找出滿的 volume"))
        let start = try respond(["start", "disk-full", "--detach"], home: home)
        #expect(start.status == 0, "\(start.stderr)")

        let done = try respond(["log", "last", "step", "diagnosis-1", "done"], home: home)
        #expect(done.status == 0, "\(done.stderr)")
        let huge = try respond(["log", "last", "step", "99999999999999999999", "done"], home: home)
        #expect(huge.status == 1)
        #expect(
            huge.stderr.contains("has no step \"99999999999999999999\"; steps: diagnosis-1, diagnosis-2"),
            "\(huge.stderr)")
        let check = try respond(["log", "last", "check", "99999999999999999999"], home: home)
        #expect(check.status == 64)
        #expect(
            check.stderr.contains("checklist item must be a number from 1: got \"99999999999999999999\""),
            "\(check.stderr)")

        let export = try respond(["export", "last"], home: home)
        #expect(export.status == 0, "\(export.stderr)")
        let review = try respond(["review", "last", "--plain"], home: home)
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("Step 99999999999999999999: 找出滿的 volume"), "\(review.stdout)")
    }

    @Test("resume and the live review open an incident on that runbook and show the step as text")
    func hugeStepNumberGuide() throws {
        let home = try homeWithHugeStepNumber()
        let start = try respond(["start", "disk-full", "--detach"], home: home)
        #expect(start.status == 0, "\(start.stderr)")
        let variables = ["RESPOND_HOME": home, "RESPOND_RUNBOOKS": home + "/runbooks", "RESPOND_ACTOR": "tester"]
        let resume = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)) resume; echo EXITED $?",
            variables: variables, directory: home)
        try resume.waitFor("Step 99999999999999999999")
        try resume.sendKeys("q")
        try resume.waitFor("respond · runbooks")
        try resume.sendKeys("q")
        try resume.waitFor("EXITED 0", history: true)
        let review = try TmuxSession(
            command: "\(shellQuoted(PackagePaths.binary)) review last; echo EXITED $?",
            variables: variables, directory: home)
        try review.waitFor("REVIEW · Disk Full")
        try review.sendKeys("q")
        try review.waitFor("EXITED 0", history: true)
    }

    @Test("a runbook over the size limit is one message with its file, size and limit, from show, start and lint")
    func oversizedRunbook() throws {
        let home = try makeHome()
        let path = home + "/runbooks/huge.md"
        try Data(repeating: UInt8(ascii: "<"), count: 10 << 20).write(to: URL(fileURLWithPath: path))
        let message =
            "\(path) is 10485760 bytes (10 MiB); a file in the runbook directory may be at most "
            + "1048576 bytes (1 MiB): split it into shorter runbooks, or move it out of the directory"
        for arguments in [["show", "huge"], ["start", "huge", "--detach"]] {
            let output = try respond(arguments, home: home)
            #expect(output.status == 1)
            #expect(output.stderr.contains("runbook huge cannot be opened: \(message)"), "\(output.stderr)")
        }
        let lint = try respond(["lint"], home: home)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("\(path):1: error: \(message)\n"), "\(lint.stdout)")
    }

    @Test(
        "lint and show of the most costly shapes at the size limit stay within the documented memory",
        arguments: [
            ("a line of <", String(repeating: "<", count: sizeLimit)),
            ("nested quotes", String(repeating: ">", count: sizeLimit)),
            (
                "nested emphasis",
                String(repeating: "*_", count: sizeLimit / 4) + "x" + String(repeating: "_*", count: sizeLimit / 4)
            ),
            ("open brackets", String(repeating: "[", count: sizeLimit)),
            ("blank code spans", String(repeating: "` ", count: sizeLimit / 2)),
        ])
    func costlyShapes(shape: String, text: String) throws {
        let directory = try freshDirectory()
        try text.write(toFile: directory + "/shape.md", atomically: true, encoding: .utf8)
        for arguments in [["lint", directory], ["show", "shape"]] {
            let (status, peak) = try peakOfRespond(arguments, runbooks: directory)
            #expect(status <= 1, "\(shape): \(arguments[0]) ended with \(status)")
            #expect(peak < documentedPeakBytes, "\(shape): \(arguments[0]) held \(peak) bytes")
        }
    }
}
