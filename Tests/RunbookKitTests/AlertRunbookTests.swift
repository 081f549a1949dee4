import Testing

@testable import RunbookKit

/// The alert-runbook convention: its sections, the steps derived from a section's shape, and console transcripts.
@Suite("Alert runbooks")
struct AlertRunbookTests {
    private func runbook(_ id: String) throws -> Runbook {
        let catalog = try Catalog.load(directory: TestPaths.alertLibrary)
        return try #require(catalog.runbook(id: id))
    }

    private func parse(_ text: String) throws -> Runbook {
        try #require(RunbookParser.parse(text: text, path: "lib/alert.md").runbook)
    }

    @Test("Meaning, Impact, Diagnosis and Mitigation map to the overview, impact, diagnosis and resolution")
    func sections() throws {
        let crash = try runbook("KubePodCrashLooping")
        #expect(crash.sections.map(\.kind) == [.overview, .impact, .diagnosis, .resolution])
        #expect(try runbook("EtcdNoLeader").sections.map(\.kind) == [.overview, .diagnosis, .resolution, .related])
        #expect(try runbook("VolumeFillingUp").sections.map(\.kind) == [.overview, .diagnosis, .resolution])
    }

    @Test("Traditional and Simplified Chinese section names map like the English ones")
    func chineseSections() throws {
        let expected: [SectionKind] = [.overview, .impact, .diagnosis, .resolution]
        #expect(try runbook("NodeDiskPressure").sections.map(\.kind) == expected)
        #expect(try runbook("NodeMemoryPressure").sections.map(\.kind) == expected)
    }

    @Test("### headings numbered 1) are steps, their {#anchor} suffix dropped")
    func headingSteps() throws {
        let crash = try runbook("KubePodCrashLooping")
        let diagnosis = crash.steps.filter { $0.section == .diagnosis }
        #expect(diagnosis.map(\.title) == ["Find the pod", "Read the previous container's log", "Look at the events"])
        #expect(diagnosis.map(\.number) == [1, 2, 3])
    }

    @Test("top-level numbered items are steps, with their nested code blocks")
    func numberedSteps() throws {
        let crash = try runbook("KubePodCrashLooping")
        let mitigation = crash.steps.filter { $0.section == .resolution }
        #expect(mitigation.count == 3)
        #expect(mitigation[0].title == "Roll back the last deployment if it started the restarts:")
        #expect(
            mitigation[0].codeBlocks.map(\.code) == ["kubectl rollout undo deployment/<deployment> -n <namespace>\n"])
        #expect(mitigation[2].codeBlocks.isEmpty)
        #expect(try runbook("NodeMemoryPressure").steps.filter { $0.section == .diagnosis }.count == 2)
    }

    @Test("bullets carrying an inline command are steps with the plain bullets before them; the command can run")
    func commandBullets() throws {
        let etcd = try runbook("EtcdNoLeader")
        let checks = etcd.steps.filter { $0.section == .diagnosis }
        #expect(checks.count == 2)
        #expect(checks[0].title == "Ask each member for its status: etcdctl endpoint status --cluster -w table")
        #expect(checks[0].body.count == 3)
        #expect(checks[0].codeBlocks.map(\.code) == ["etcdctl endpoint status --cluster -w table\n"])
        #expect(checks[1].codeBlocks.map(\.code) == ["curl -s http://localhost:2379/metrics\n"])
        #expect(try runbook("control-plane/KubeAPIDown").steps.filter { $0.section == .diagnosis }.count == 2)
    }

    @Test("fenced blocks are steps titled by the paragraph before them")
    func fencedSteps() throws {
        let volume = try runbook("VolumeFillingUp")
        let steps = volume.steps.filter { $0.section == .diagnosis }
        #expect(steps.map(\.title) == ["See how full the volume is:", "Find the largest directories:"])
    }

    @Test("a section with nothing to split is one step")
    func wholeSection() throws {
        let volume = try runbook("VolumeFillingUp")
        #expect(volume.steps.filter { $0.section == .resolution }.map(\.title) == ["Solution"])
    }

    @Test("a file without ## sections uses its ### headings as sections")
    func levelThreeSections() throws {
        let runbook = try parse(
            "# Alert\n\n### Meaning\n\nIt fired.\n\n### Mitigation\n\n1. Restart it:\n\n   ```shell\n   systemctl restart foo\n   ```\n"
        )
        #expect(runbook.sections.map(\.kind) == [.overview, .resolution])
        #expect(runbook.steps.count == 1)
    }

    @Test("a console block's prompts are stripped and its output lines become a block that never runs")
    func consoleTranscript() throws {
        let crash = try runbook("KubePodCrashLooping")
        let blocks = crash.steps[0].codeBlocks
        #expect(blocks.count == 2)
        #expect(blocks[0].code == "kubectl get pods -n $NAMESPACE --field-selector=status.phase!=Running\n")
        #expect(CommandTemplate.isRunnable(blocks[0]))
        #expect(blocks[1].language == "output")
        #expect(blocks[1].code.hasPrefix("NAME "))
        #expect(!CommandTemplate.isRunnable(blocks[1]))
        #expect(!CommandTemplate(blocks[1]).isRunnable)
    }

    @Test("a shell block is a transcript only when it opens with a $ prompt; # lines there stay comments")
    func shellPrompts() throws {
        let prompted = ConsoleTranscript.split(
            CodeBlock(
                language: "shell", code: "$ uptime\n 10:00 up 3 days\n", location: SourceLocation(file: "", line: 1)))
        #expect(prompted.map(\.code) == ["uptime\n", " 10:00 up 3 days\n"])
        let script = CodeBlock(
            language: "bash", code: "# check load\nuptime\n", location: SourceLocation(file: "", line: 1))
        #expect(ConsoleTranscript.split(script) == [script])
    }

    @Test("a continued command keeps its continuation lines")
    func continuation() throws {
        let split = ConsoleTranscript.split(
            CodeBlock(
                language: "console", code: "$ kubectl get pods \\\n    -A\nNAME\n",
                location: SourceLocation(file: "", line: 1)))
        #expect(split.map(\.code) == ["kubectl get pods \\\n    -A\n", "NAME\n"])
    }

    @Test("the shipped template's steps are as before: Prerequisites stays one step")
    func templateUnchanged() throws {
        let catalog = try Catalog.load(directory: TestPaths.shippedRunbooks)
        let backup = try #require(catalog.runbook(id: "backup-restore"))
        #expect(backup.steps.filter { $0.section == .prerequisites }.count == 1)
    }
}

@Suite("Alert runbooks: files without sections, lint and placeholders")
struct AlertRunbookLintTests {
    @Test("a file of a title and a numbered list is walked as one section of steps")
    func listOnly() throws {
        let catalog = try Catalog.load(directory: TestPaths.alertLibrary)
        let runbook = try #require(catalog.runbook(id: "CertificateExpiry"))
        #expect(runbook.steps.map(\.title) == ["Find the certificate:", "Renew it:", "Check the new expiry date."])
        #expect(
            runbook.steps.first?.body.first
                == .paragraph([.text("The serving certificate of an ingress expires within 7 days.")]))
    }

    @Test("an alert runbook library is linted against its convention, not the template's sections")
    func convention() throws {
        let catalog = try Catalog.load(directory: TestPaths.alertLibrary)
        let linter = Linter(checker: BashSyntaxChecker(), today: CalendarDay(year: 2026, month: 12, day: 1))
        let diagnostics = linter.lint(catalog)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    }

    @Test("a runbook with neither Diagnosis nor Mitigation is an error; broken bash is still reported by line")
    func realDefects() throws {
        let text = """
            ---
            title: Broken
            ---
            # BrokenAlert

            ## Meaning

            It fired.

            ```shell
            kubectl get pods -n <namespace>
            if true; then
            ```
            """
        let runbook = try #require(RunbookParser.parse(text: text, path: "lib/BrokenAlert.md").runbook)
        let linter = Linter(checker: BashSyntaxChecker(), today: CalendarDay(year: 2026, month: 12, day: 1))
        let messages = linter.lint(runbook, entry: nil).map { "\($0.location.line): \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("1: neither a Diagnosis nor a Mitigation") })
        #expect(messages.contains { $0.hasPrefix("13: shell block does not parse") })
        #expect(!messages.contains { $0.contains("severity") || $0.contains("footer") })
    }
}

@Suite("Alert runbooks: severity labels and the catalog's first paragraph")
struct AlertRunbookSeverityTests {
    @Test("an alert runbook's Impact may give its alert's severity label: Warning reads as P2, not as an error")
    func severityLabel() throws {
        let text = "# DiskAlert\n\n## Meaning\n\nFull.\n\n## Impact\n\n- Severity: Warning\n\n## Diagnosis\n\nLook.\n"
        let result = RunbookParser.parse(text: text, path: "lib/DiskAlert.md")
        #expect(result.runbook?.severity == .p2)
        #expect(!result.diagnostics.contains { $0.message.contains("unknown severity") })
    }

    @Test("the catalog's description skips a severity line to the first paragraph of prose")
    func headerSkipsMetadata() {
        let header = RunbookHeader.parse(
            "# EtcdSlow\n\n## Alert Description\n\n**Severity:** Critical\n\nRequests are slow.\n")
        #expect(header.heading == "EtcdSlow")
        #expect(header.firstParagraph == "Requests are slow.")
    }

    @Test("the catalog's description skips a severity line with a full-width colon, and a moved stub keeps its link")
    func headerSkipsFullWidthLabel() {
        let header = RunbookHeader.parse("# 磁碟\n\n**嚴重度**：高\n\n已移至 [新位置](../disk/Full.md)\n")
        #expect(header.firstParagraph == "已移至 新位置")
        #expect(header.movedTo == "../disk/Full.md")
    }
}
