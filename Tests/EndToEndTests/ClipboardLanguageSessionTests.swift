import Foundation
import TestSupport
import Testing

/// What goes wrong when the guide copies a command is said in the user's language, driven through the real binary
/// in tmux under `LANG=zh_TW.UTF-8`.
@Suite("Copy failures in the user's language", .serialized, .temporaryFiles, .tags(.slow))
struct ClipboardLanguageSessionTests {
    private let home: SessionHome

    init() throws {
        home = try SessionHome()
    }

    /// The guide on a new incident of `runbook` from `runbooks`, in Traditional Chinese, 200 columns wide so the
    /// whole notice shows; `path` comes first on `PATH` when given.
    private func start(_ runbook: String, runbooks: String, path: String? = nil) throws -> TmuxSession {
        var variables = home.variables(actor: "alice")
        variables["RESPOND_RUNBOOKS"] = runbooks
        variables["LANG"] = "zh_TW.UTF-8"
        for name in ["LC_ALL", "LC_MESSAGES", "RESPOND_LANG"] { variables[name] = "" }
        let prefix = path.map { "PATH=\(shellQuoted($0)):\"$PATH\" " } ?? ""
        return try TmuxSession(
            command: prefix + "\(shellQuoted(PackagePaths.binary)) start \(runbook) --title t; echo EXITED $?",
            variables: variables, width: 200, height: 30, directory: home.path)
    }

    @Test("a tmux that cannot be asked whether it keeps OSC 52 is reported in Chinese, with tmux's own words")
    func tmuxFails() throws {
        let bin = home.path + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try "#!/bin/sh\necho 'no server here' >&2\nexit 1\n".write(
            toFile: bin + "/tmux", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/tmux")
        let session = try start("queue-backlog", runbooks: PackagePaths.fixtureRunbooks, path: bin)
        try session.waitFor("kafka-consumer-groups")
        try session.sendKeys("y")
        let screen = try session.waitFor("tmux show-options 結束，結束碼 1：no server here")
        #expect(!screen.contains("exited with"))
    }

    @Test("a command too long for a terminal's clipboard is refused in Chinese")
    func tooLong() throws {
        let runbooks = home.path + "/runbooks"
        try FileManager.default.createDirectory(atPath: runbooks, withIntermediateDirectories: true)
        let command = "echo " + String(repeating: "x", count: 80_000)
        try "# Big Output\n\n## Diagnosis\n\n### Step 1: Print\n\n```bash\n\(command)\n```\n".write(
            toFile: runbooks + "/big-output.md", atomically: true, encoding: .utf8)
        let session = try start("big-output", runbooks: runbooks)
        try session.waitFor("echo xxxx")
        try session.sendKeys("y")
        let screen = try session.waitFor("bytes，超過終端機剪貼簿能收的 74994；請從 runbook 檔案複製")
        #expect(screen.contains("指令有 80005 bytes"))
    }
}
