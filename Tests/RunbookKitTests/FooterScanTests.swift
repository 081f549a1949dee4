import Foundation
import TestSupport
import Testing

@testable import RunbookKit

@Suite("Reading a runbook's footer from the end of its file", .temporaryFiles)
struct FooterScanTests {
    @Test("the footer after a long body is read as the parser reads it, with ASCII and full-width colons")
    func footerAfterLongBody() throws {
        let directory = try TemporaryDirectory()
        let body = String(repeating: "- 檢查 pod 狀態並確認流量恢復正常\n", count: 400)
        let text = """
            # 資料庫連線耗盡

            ## 症狀

            \(body)
            ---
            **Last Updated**: 2025-01-15
            **負責人**：DBA Team
            **Review Cycle**: Quarterly

            """
        try directory.write("db-connections.md", text)
        let catalog = try Catalog.load(directory: directory.path)
        let footer = try #require(catalog.footer(of: "db-connections"))
        #expect(footer.lastUpdated == "2025-01-15")
        #expect(footer.owner == "DBA Team")
        #expect(footer.reviewCycle == "Quarterly")
        #expect(footer == catalog.runbook(id: "db-connections")?.footer)
    }

    @Test(
        "front matter at the head of a long file gives Last Updated and the owner where the footer is silent, as the parser takes them"
    )
    func frontMatterFillsTheFooter() throws {
        let directory = try TemporaryDirectory()
        let body = String(repeating: "- check the pods and that traffic is back\n", count: 200)
        try directory.write(
            "yaml.md",
            "---\nlast_reviewed: 2025-01-15T10:00:00Z\nowner: DBA Team\n---\n# Yaml\n\n## Symptoms\n\n\(body)\n---\n"
                + "**Review Cycle**: Monthly\n")
        try directory.write(
            "toml.md",
            "+++\nlastmod = \"2025-03-01\"\nteam = \"Payments\"\n+++\n# Toml\n\n## Symptoms\n\n\(body)\n---\n"
                + "**Last Updated**: 2026-02-01\n**Review Cycle**: Yearly\n")
        let catalog = try Catalog.load(directory: directory.path)
        let yaml = try #require(catalog.footer(of: "yaml"))
        #expect(yaml == Footer(lastUpdated: "2025-01-15", owner: "DBA Team", reviewCycle: "Monthly"))
        #expect(yaml == catalog.runbook(id: "yaml")?.footer)
        let toml = try #require(catalog.footer(of: "toml"))
        #expect(toml == Footer(lastUpdated: "2026-02-01", owner: "Payments", reviewCycle: "Yearly"))
        #expect(toml == catalog.runbook(id: "toml")?.footer)
    }

    @Test("a folder library's front matter changed after the load is read again, not taken from the load")
    func frontMatterChangedAfterLoad() throws {
        let directory = try TemporaryDirectory()
        let text = { (owner: String) in
            "---\ntitle: Disk full\nowner: \(owner)\nlast_reviewed: 2026-01-02\n---\n\n# Disk full\n\n## Symptoms\n\n- df\n"
        }
        try directory.write("disk-full.md", text("Storage Team"))
        let old = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes(
            [.modificationDate: old], ofItemAtPath: directory.path + "/disk-full.md")
        let catalog = try Catalog.load(directory: directory.path)
        #expect(catalog.footer(of: "disk-full")?.owner == "Storage Team")
        try directory.write("disk-full.md", text("SRE Team"))
        #expect(catalog.footer(of: "disk-full")?.owner == "SRE Team")
        #expect(catalog.footer(of: "disk-full")?.lastUpdated == "2026-01-02")
    }

    @Test("the front matter of a file short enough to be read whole is not taken for its footer")
    func frontMatterIsNotTheFooter() throws {
        let directory = try TemporaryDirectory()
        try directory.write(
            "short.md",
            "---\nReview Cycle: Weekly\nlast_reviewed: 2025-06-01\n---\n# Short\n\n## Symptoms\n\n- slow\n\n---\n"
                + "**Owner**: SRE\n")
        let catalog = try Catalog.load(directory: directory.path)
        let footer = try #require(catalog.footer(of: "short"))
        #expect(footer == Footer(lastUpdated: "2025-06-01", owner: "SRE", reviewCycle: nil))
        #expect(footer == catalog.runbook(id: "short")?.footer)
    }

    @Test("a runbook whose tail has no labelled line has an empty footer")
    func noFooter() throws {
        let directory = try TemporaryDirectory()
        try directory.write("plain.md", "# Plain\n\n## Symptoms\n\n- nothing here\n")
        let catalog = try Catalog.load(directory: directory.path)
        #expect(catalog.footer(of: "plain") == Footer())
    }

    @Test("every shipped and payments runbook's footer read from its tail is the one the parser reads")
    func agreesWithParser() throws {
        for directory in [TestPaths.shippedRunbooks, TestPaths.paymentsFixture] {
            let catalog = try Catalog.load(directory: directory)
            #expect(!catalog.runbookIDs.isEmpty)
            for id in catalog.runbookIDs {
                let parsed = try #require(catalog.runbook(id: id))
                #expect(catalog.footer(of: id) == parsed.footer, "\(directory)/\(id)")
            }
        }
    }

    @Test(
        "a footer label inside prose, a list item or a command is not a footer, and styling may split a label, as the parser reads them"
    )
    func labelInsideTextIsNotFooter() throws {
        let directory = try TemporaryDirectory()
        let text = """
            # Disk Full

            ## Steps

            Ask the service owner: they know the disk.

            - Owner: the on-call engineer

            ```bash
            echo "Last Updated: never"
            ```

            ---
            *Last* updated: 2026-10-01

            **Review Cycle**: Monthly

            """
        try directory.write("disk-full.md", text)
        let catalog = try Catalog.load(directory: directory.path)
        let footer = try #require(catalog.footer(of: "disk-full"))
        #expect(footer == Footer(lastUpdated: "2026-10-01", reviewCycle: "Monthly"))
        #expect(footer == catalog.runbook(id: "disk-full")?.footer)
    }
}
