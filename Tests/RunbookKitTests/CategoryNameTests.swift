import Foundation
import Localization
import Testing

@testable import RunbookKit

@Suite("A category's name in the reader's language")
struct CategoryNameTests {
    @Test("a folder library's category of moved runbooks is named in the reader's words, its folders as titled")
    func movedElsewhere() throws {
        let catalog = try Catalog.load(directory: TestPaths.alertLibrary)
        let chinese = Localizer(.traditionalChinese)
        let names = catalog.categories.map { catalog.name(of: $0, in: chinese) }
        #expect(names.last == "已搬到別處")
        #expect(names.contains("Control plane"))
        #expect(catalog.categories.map { catalog.name(of: $0, in: Localizer(.english)) }.last == "Moved elsewhere")
    }

    @Test("an index heading that reads Moved elsewhere is the index's own words and stays as written")
    func indexHeading() {
        let index = Data(
            """
            # Runbooks

            ## Runbook 索引

            ### Moved elsewhere

            | Runbook | Severity | Description |
            |---------|----------|-------------|
            | [Disk Full](disk-full.md) | P1 | 磁碟滿了 |

            """.utf8)
        let catalog = Catalog(directory: "/lib", index: (path: "/lib/README.md", data: index), sources: [])
        #expect(catalog.categories.map(\.name) == ["Moved elsewhere"])
        #expect(
            catalog.categories.map { catalog.name(of: $0, in: Localizer(.traditionalChinese)) } == ["Moved elsewhere"])
    }

    @Test("a moved stub's description says where its runbook went in the reader's words; other rows keep theirs")
    func movedDescription() throws {
        let catalog = try Catalog.load(directory: TestPaths.alertLibrary)
        let moved = try #require(catalog.categories.last?.entries.first)
        let destination = "../storage/VolumeFillingUp.md"
        #expect(moved.description(in: Localizer(.traditionalChinese)) == "已搬到 \(destination)")
        #expect(moved.description(in: Localizer(.english)) == "moved to \(destination)")
        #expect(moved.description == "moved to \(destination)")
        let other = try #require(catalog.categories.first?.entries.first)
        #expect(other.description(in: Localizer(.traditionalChinese)) == other.description)
    }
}
