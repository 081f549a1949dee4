import Testing

@testable import RunbookKit

@Suite("Front matter")
struct FrontMatterTests {
    @Test("YAML front matter gives the title, weight, aliases, summary, severity and review date, and is not text")
    func yaml() throws {
        let text = """
            ---
            title: Disk is filling up
            weight: 3
            aliases: [disk-full, DiskFull]
            description: The root volume will be full soon.
            severity: critical
            last_reviewed: 2026-10-01
            owner: storage
            ---

            # NodeFilesystemAlmostFull

            ## Diagnosis

            ```shell
            df -h /
            ```
            """
        let result = RunbookParser.parse(text: text, path: "lib/NodeFilesystemAlmostFull.md")
        let runbook = try #require(result.runbook)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(runbook.title == "Disk is filling up")
        #expect(runbook.alertName == "NodeFilesystemAlmostFull")
        #expect(runbook.frontMatter.weight == 3)
        #expect(runbook.frontMatter.aliases == ["disk-full", "DiskFull"])
        #expect(runbook.frontMatter.summary == "The root volume will be full soon.")
        #expect(runbook.severity == .p1)
        #expect(runbook.footer.lastUpdated == "2026-10-01")
        #expect(runbook.footer.owner == "storage")
        #expect(runbook.sections.map(\.kind) == [.diagnosis])
        #expect(runbook.sections[0].location.line == 13)
        #expect(!RunbookText.render(runbook).contains("weight"))
    }

    @Test("TOML front matter between +++ lines is read with the same keys")
    func toml() throws {
        let text = """
            +++
            title = "Queue is backing up"
            weight = 2
            aliases = ["queue-lag"]
            draft = true
            +++

            # QueueLag
            """
        let runbook = try #require(RunbookParser.parse(text: text, path: "QueueLag.md").runbook)
        #expect(runbook.title == "Queue is backing up")
        #expect(runbook.frontMatter.weight == 2)
        #expect(runbook.frontMatter.aliases == ["queue-lag"])
        #expect(runbook.frontMatter.isHidden)
    }

    @Test("bad front matter is a diagnostic on line 1 and the rest of the runbook is still read")
    func bad() throws {
        let yaml = RunbookParser.parse(
            text: "---\ntitle: [unclosed\n---\n# Alert\n\n## Diagnosis\n\nLook.\n", path: "a.md")
        #expect(yaml.diagnostics.contains { $0.location.line == 1 && $0.message.contains("not valid YAML") })
        #expect(yaml.runbook?.title == "Alert")
        let toml = RunbookParser.parse(text: "+++\ntitle = \n+++\n# Alert\n", path: "b.md")
        #expect(toml.diagnostics.contains { $0.message.contains("not valid TOML") })
        #expect(toml.runbook?.title == "Alert")
    }

    @Test("front matter over the size limit is refused before any parser reads it")
    func tooLarge() throws {
        let filler = String(repeating: "x: \(String(repeating: "y", count: 100))\n", count: 700)
        let result = RunbookParser.parse(text: "---\n\(filler)---\n# Alert\n", path: "big.md")
        #expect(
            result.diagnostics.map(\.message) == [
                "front matter is over 64 KiB and was not read; keep it to a few fields"
            ])
        #expect(result.runbook?.title == "Alert")
    }

    @Test(
        "front matter nested thousands deep, under the size limit, is a diagnostic, not a crash",
        arguments: [
            "---\nx: " + String(repeating: "[", count: 30_000) + String(repeating: "]", count: 30_000) + "\n---\n",
            "+++\nx = " + String(repeating: "[", count: 30_000) + String(repeating: "]", count: 30_000) + "\n+++\n",
            "+++\nx = " + String(repeating: "{a=", count: 5_000) + "1" + String(repeating: "}", count: 5_000)
                + "\n+++\n",
        ])
    func deeplyNested(frontMatter: String) throws {
        let result = RunbookParser.parse(text: frontMatter + "# Alert\n", path: "deep.md")
        #expect(result.runbook?.title == "Alert")
        #expect(result.diagnostics.contains { $0.message.hasPrefix("front matter") })
    }

    @Test("an alias bomb is not expanded: only the keys respond reads are looked at")
    func aliasBomb() throws {
        var lines = ["a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for level in 1..<10 {
            let previous = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(level - 1)))
            let name = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(level)))
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        let text = "---\n" + lines.joined(separator: "\n") + "\ntitle: Bomb\n---\n# Alert\n"
        let runbook = try #require(RunbookParser.parse(text: text, path: "bomb.md").runbook)
        #expect(runbook.title == "Bomb")
    }

    @Test("a thematic break at the top that is never closed is markdown, not front matter")
    func unclosed() throws {
        let runbook = try #require(RunbookParser.parse(text: "---\n# Alert\n\nText.\n", path: "c.md").runbook)
        #expect(runbook.title == "Alert")
        #expect(runbook.frontMatter == FrontMatter())
    }
}
