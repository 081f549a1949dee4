import Testing

@testable import RunbookKit

/// A code block whose fence names no language: shown and copied always, run only when it looks like shell.
@Suite("Blocks without a language")
struct UnlabelledBlockTests {
    private func block(_ code: String, language: String = "") -> CodeBlock {
        CodeBlock(language: language, code: code, location: SourceLocation(file: "lib/alert.md", line: 3))
    }

    @Test(
        "a block without a language runs when its first command starts with a known command, a program path or an assignment",
        arguments: [
            "kubectl get pods -n payments\n",
            "# see which pods restart\nkubectl get pods\n",
            "\n  curl -s http://localhost:8080/healthz\n",
            "./scripts/drain.sh node-1\n",
            "~/bin/failover --dry-run\n",
            "NAMESPACE=payments\nkubectl -n $NAMESPACE get pods\n",
            "#!/bin/bash\nset -e\n",
            "$ systemctl status nginx\n",
        ])
    func looksLikeShell(code: String) {
        #expect(ShellLook.looksLikeShell(code))
        #expect(CommandTemplate.isRunnable(block(code)))
        #expect(CommandTemplate(block(code)).isRunnable)
    }

    @Test(
        "a block without a language that holds configuration, output or prose can be copied but not run",
        arguments: [
            "apiVersion: v1\nkind: Pod\n",
            "NAME        READY   STATUS\napi-7d9f    0/1     CrashLoopBackOff\n",
            "Error: connection refused\n",
            "{\"status\": \"down\"}\n",
            "# only a comment\n",
            "",
            "=value\n",
            "1X=2\n",
        ])
    func notShell(code: String) {
        #expect(!ShellLook.looksLikeShell(code))
        #expect(!CommandTemplate.isRunnable(block(code)))
        #expect(!CommandTemplate(block(code)).isRunnable)
        #expect(!CommandTemplate.isRunnableKind(block(code)))
    }

    @Test("a block that names a language runs as before, whatever its text")
    func labelledBlocks() {
        #expect(CommandTemplate.isRunnable(block("apiVersion: v1\n", language: "bash")))
        #expect(CommandTemplate.isRunnable(block("Error: connection refused\n", language: "shell")))
    }

    @Test(
        "a block without a language that opens with a $ prompt is a shell transcript: its commands run, its output does not"
    )
    func promptedTranscript() throws {
        let parts = ConsoleTranscript.split(block("$ uptime\n 10:00 up 3 days\n"))
        #expect(parts.map(\.code) == ["uptime\n", " 10:00 up 3 days\n"])
        #expect(parts.map(\.language) == ["shell", ConsoleTranscript.outputLanguage])
        #expect(CommandTemplate.isRunnable(parts[0]))
        #expect(!CommandTemplate.isRunnable(parts[1]))
    }

    @Test("in a parsed runbook, a step's unlabelled YAML block is not runnable and its unlabelled command block is")
    func parsedRunbook() throws {
        let text = """
            # ServiceDown

            ## Mitigation

            Restart the service:

            ```
            systemctl restart payments
            ```

            The unit should read:

            ```
            [Service]
            Restart=always
            ```
            """
        let runbook = try #require(RunbookParser.parse(text: text, path: "lib/ServiceDown.md").runbook)
        let blocks = runbook.steps.flatMap(\.codeBlocks)
        #expect(blocks.map(\.code) == ["systemctl restart payments\n", "[Service]\nRestart=always\n"])
        #expect(blocks.map(CommandTemplate.isRunnable) == [true, false])
    }
}
