import Foundation
import TestSupport
import Testing

/// The mode bits of the file or directory at `path` itself (a link is not followed), or -1 when there is none.
private func modeBits(_ path: String) -> Int {
    var info = stat()
    guard lstat(path, &info) == 0 else { return -1 }
    return Int(info.st_mode & 0o7777)
}

/// Whether `path` is a regular file itself, not a link to one.
private func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
}

/// Runs `script` with `sh -c` in the environment `respond` gets in these tests, `$RESPOND` naming the binary, so a
/// test can set the umask or plant files just before the program starts (`exec` keeps the shell's pid, `$$`).
private func shell(_ script: String, home: String, variables: [String: String] = [:]) throws -> ProcessResult {
    var environment = ProcessInfo.processInfo.environment
    environment["RESPOND_HOME"] = home
    environment["RESPOND_RUNBOOKS"] = home + "/runbooks"
    environment["RESPOND_ACTOR"] = "tester"
    environment["RESPOND"] = PackagePaths.binary
    environment.merge(variables) { $1 }
    return try runProcess("/bin/sh", ["-c", script], environment: environment)
}

@Suite(
    "The files respond writes: modes whatever the umask, and no write redirected by a planted link",
    .temporaryFiles, .tags(.slow)
)
struct PrivateFilesTests {
    @Test(
        "incident directories are 0700, the journal and the postmortem 0600, with the umask at 777 or 000",
        arguments: ["777", "000"]
    )
    func modesWhateverTheUmask(umask: String) throws {
        let home = try makeHome()
        let started = try shell("umask \(umask); exec \"$RESPOND\" start disk-full --detach --id disk-1", home: home)
        #expect(started.status == 0, "\(started.stderr)")
        let exported = try shell("umask \(umask); exec \"$RESPOND\" export disk-1", home: home)
        #expect(exported.status == 0, "\(exported.stderr)")
        let elsewhere = try shell(
            "umask \(umask); exec \"$RESPOND\" export disk-1 -o \"$RESPOND_HOME/pm.md\"", home: home)
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
        let directory = home + "/incidents/disk-1"
        #expect(modeBits(home + "/incidents") == 0o700)
        #expect(modeBits(directory) == 0o700)
        #expect(modeBits(directory + "/timeline.jsonl") == 0o600)
        #expect(modeBits(directory + "/postmortem.md") == 0o600)
        #expect(modeBits(home + "/pm.md") == 0o600)
    }

    @Test("export -o DIR/pm.md is not redirected by links planted at the old temporary name or at guessed names")
    func plantedTemporaryLinks() throws {
        let home = try makeHome()
        let started = try respond(["start", "disk-full", "--detach", "--id", "disk-1"], home: home)
        #expect(started.status == 0, "\(started.stderr)")
        let shared = try freshDirectory()
        let victim = try freshDirectory() + "/victim"
        try "victim\n".write(toFile: victim, atomically: false, encoding: .utf8)
        // `$$` is the shell's pid, which `exec` hands to respond: the name the old code would have used.
        let planted = [".pm.md.$$.tmp", ".pm.md.tmp", "pm.md.tmp", ".respond-0000000000000000.tmp"]
        let script =
            planted.map { "ln -s \"$VICTIM\" \"$SHARED/\($0)\"" }.joined(separator: "; ")
            + "; exec \"$RESPOND\" export disk-1 -o \"$SHARED/pm.md\""
        let result = try shell(script, home: home, variables: ["SHARED": shared, "VICTIM": victim])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "victim\n")
        #expect(isRegularFile(shared + "/pm.md"))
        #expect(try String(contentsOfFile: shared + "/pm.md", encoding: .utf8).hasPrefix("# Postmortem: Disk Full\n"))
        #expect(modeBits(shared + "/pm.md") == 0o600)
        let left = try FileManager.default.contentsOfDirectory(atPath: shared).filter { $0 != "pm.md" }
        #expect(left.count == planted.count, "only the planted links stay beside the export: \(left)")
        #expect(left.allSatisfy { !isRegularFile(shared + "/" + $0) })
    }

    @Test("a postmortem.md that is a link is replaced by the export, not written through")
    func linkedPostmortem() throws {
        let home = try makeHome()
        let started = try respond(["start", "disk-full", "--detach", "--id", "disk-1"], home: home)
        #expect(started.status == 0, "\(started.stderr)")
        let victim = try freshDirectory() + "/victim"
        try "victim\n".write(toFile: victim, atomically: false, encoding: .utf8)
        let path = home + "/incidents/disk-1/postmortem.md"
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim)
        let result = try respond(["export", "disk-1"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "victim\n")
        #expect(isRegularFile(path))
        #expect(modeBits(path) == 0o600)
    }

    @Test("an incident whose journal is a link out of the home is refused by export, with the path and the reason")
    func linkedJournalRefused() throws {
        let home = try makeHome()
        let started = try respond(["start", "disk-full", "--detach", "--id", "disk-1"], home: home)
        #expect(started.status == 0, "\(started.stderr)")
        let outside = try freshDirectory() + "/timeline.jsonl"
        let journal = home + "/incidents/disk-1/timeline.jsonl"
        try FileManager.default.moveItem(atPath: journal, toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: journal, withDestinationPath: outside)
        let before = try Data(contentsOf: URL(fileURLWithPath: outside))
        let result = try respond(["export", "disk-1"], home: home)
        #expect(result.status != 0)
        #expect(result.stderr.contains("refusing \(journal): it is a symbolic link"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: outside)) == before)
        #expect(!FileManager.default.fileExists(atPath: home + "/incidents/disk-1/postmortem.md"))
    }
}

@Suite("A command's output file and the guide's postmortem under umask 777", .serialized, .temporaryFiles, .tags(.slow))
struct GuideFileModeTests {
    @Test("a command run from the guide keeps its output in commands/ 0700 and a log 0600; x writes postmortem.md 0600")
    func outputLogAndPostmortemModes() throws {
        let home = try SessionHome()
        let session = try TmuxSession(
            command:
                "cd \(shellQuoted(home.path)) && umask 777 && \(shellQuoted(PackagePaths.binary)) start service-check; echo EXITED $?",
            variables: home.variables(actor: "alice"), directory: home.path)
        try session.waitFor("Space done · s skip · y copy · R run")
        try session.sendKeys("R")
        try session.waitFor("value for <service-name> (1/1)")
        try session.type("payments-api")
        try session.sendKeys("Enter")
        try session.waitFor("run this command?")
        try session.sendKeys("Enter")
        _ = try session.waitUntil("the run is saved") { $0.contains("exit 0") && $0.contains("saved") }
        try session.sendKeys("q")
        try session.waitFor("Space done · s skip · y copy · R run")
        try session.sendKeys("x")
        try session.waitFor("postmortem draft:")

        let directory = try home.files.onlyIncidentDirectory()
        let event = try #require(try home.files.journal().first { $0["kind"] as? String == "command-ran" })
        let outputFile = try #require(event["outputFile"] as? String)
        #expect(modeBits(directory) == 0o700)
        #expect(modeBits(directory + "/commands") == 0o700)
        #expect(modeBits(directory + "/" + outputFile) == 0o600)
        #expect(modeBits(directory + "/timeline.jsonl") == 0o600)
        #expect(modeBits(directory + "/postmortem.md") == 0o600)
        try session.sendKeys("q")
        try session.waitFor("Enter start")
        try session.sendKeys("q")
        try session.waitFor("EXITED 0", history: true)
    }
}
