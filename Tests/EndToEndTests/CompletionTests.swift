import Foundation
import TestSupport
import Testing

/// A home with the fixture runbooks and one incident, `disk-1`, and the completion script for `shell` written
/// into it; returns the home and the script's path.
private func completionHome(shell: String) throws -> (home: String, script: String) {
    let home = try makeHome()
    #expect(try respond(["start", "disk-full", "--detach", "--id", "disk-1"], home: home).status == 0)
    let generated = try respond(["--generate-completion-script", shell], home: home)
    #expect(generated.status == 0, "\(generated.stderr)")
    let script = home + "/respond-completion." + shell
    try generated.stdout.write(toFile: script, atomically: true, encoding: .utf8)
    return (home, script)
}

/// The variables a shell that completes `respond` needs: the home and runbooks of `home`.
private func completionVariables(_ home: String) -> [String: String] {
    ["RESPOND_HOME": home, "RESPOND_RUNBOOKS": home + "/runbooks"]
}

/// `shell` started with the built binary first on its path, since the completion scripts run `respond` to ask for
/// ids (tmux gives a new pane the path of its client, whatever the session's variables say).
private func withBinaryOnPath(_ shell: String) -> String {
    let binaries = (PackagePaths.binary as NSString).deletingLastPathComponent
    return "PATH=\(shellQuoted(binaries)):\"$PATH\" exec \(shell)"
}

/// Whether `name` is a program on the path.
private func shellExists(_ name: String) -> Bool {
    ["/usr/bin/", "/bin/", "/usr/local/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + name) }
}

@Suite("Shell completion of runbook and incident ids", .serialized, .temporaryFiles, .tags(.slow))
struct CompletionTests {
    /// What bash's completion function offers for the last word of `words`, as bash would call it on Tab.
    private func bashCompletions(_ words: [String], home: String, script: String) throws -> [String] {
        let quoted = words.map(shellQuoted).joined(separator: " ")
        let program = """
            source \(shellQuoted(script))
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
            COMP_LINE=\(shellQuoted(words.joined(separator: " "))); COMP_POINT=${#COMP_LINE}
            _respond respond \(shellQuoted(words.last ?? "")) \(shellQuoted(words.dropLast().last ?? ""))
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        var environment = ProcessInfo.processInfo.environment
        environment.merge(completionVariables(home)) { $1 }
        let binaries = (PackagePaths.binary as NSString).deletingLastPathComponent
        environment["PATH"] = binaries + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let result = try runProcess("/bin/bash", ["-c", program], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test("bash completes runbook ids for show and start, and incident ids and last for review, log and export")
    func bash() throws {
        let (home, script) = try completionHome(shell: "bash")
        #expect(try bashCompletions(["respond", "show", "di"], home: home, script: script) == ["disk-full"])
        #expect(try bashCompletions(["respond", "start", ""], home: home, script: script) == ["disk-full"])
        #expect(try bashCompletions(["respond", "review", "dis"], home: home, script: script) == ["disk-1"])
        #expect(
            try bashCompletions(["respond", "export", ""], home: home, script: script).sorted() == ["disk-1", "last"])
        #expect(try bashCompletions(["respond", "log", "la"], home: home, script: script) == ["last"])
    }

    @Test("bash completes from the directories --runbooks and --home name on the line")
    func bashWithOptions() throws {
        let (home, script) = try completionHome(shell: "bash")
        let other = try makeHome()
        try FileManager.default.moveItem(
            atPath: other + "/runbooks/disk-full.md", toPath: other + "/runbooks/disk-slow.md")
        let words = ["respond", "show", "--runbooks", other + "/runbooks", "disk"]
        #expect(try bashCompletions(words, home: home, script: script) == ["disk-slow"])
    }

    @Test("zsh completes a runbook id and an incident id on Tab", .enabled(if: shellExists("zsh")))
    func zsh() throws {
        let (home, script) = try completionHome(shell: "zsh")
        let session = try TmuxSession(
            command: withBinaryOnPath("zsh -f"), variables: completionVariables(home), directory: home)
        try completesOnTab(
            session, loading: "autoload -U compinit && compinit -u && source \(shellQuoted(script)) && clear")
    }

    @Test("fish completes a runbook id and an incident id on Tab", .enabled(if: shellExists("fish")))
    func fish() throws {
        let (home, script) = try completionHome(shell: "fish")
        let session = try TmuxSession(
            command: withBinaryOnPath("fish --no-config"), variables: completionVariables(home), directory: home)
        try completesOnTab(session, loading: "source \(shellQuoted(script)); clear")
    }

    /// Loads the completion script in the shell of `session`, then completes a runbook id and an incident id with
    /// Tab, as a user at that shell's prompt would.
    private func completesOnTab(_ session: TmuxSession, loading command: String) throws {
        try session.waitUntil("the shell shows its prompt") {
            !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        try session.type(command)
        try session.sendKeys("Enter")
        try session.type("respond show di")
        try session.sendKeys("Tab")
        try session.waitFor("respond show disk-full")
        try session.sendKeys("C-u")
        try session.type("respond review dis")
        try session.sendKeys("Tab")
        try session.waitFor("respond review disk-1")
    }
}
