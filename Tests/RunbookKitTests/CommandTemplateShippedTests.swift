import Foundation
import Testing

@testable import RunbookKit

/// Placeholder detection over every code block the package ships and a second team's library.
@Suite("Command templates in real runbooks")
struct CommandTemplateShippedTests {
    private static let anglePattern = try? NSRegularExpression(pattern: "<[a-z][a-z0-9_-]*>")

    /// The `<name>` tokens on the block's non-comment lines, found by a plain regular expression.
    private func angleTokens(_ code: String) -> Set<String> {
        var found = Set<String>()
        for line in code.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            let text = String(line)
            let matches = Self.anglePattern?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? []
            for match in matches {
                if let range = Range(match.range, in: text) { found.insert(String(text[range])) }
            }
        }
        return found
    }

    @Test("in the shipped runbooks every placeholder is a <name> and every <name> outside comments is found")
    func shippedLibrary() throws {
        let catalog = try Catalog.load(directory: TestPaths.shippedRunbooks)
        var blocks = 0
        var withPlaceholders = 0
        for runbook in catalog.mapRunbooks({ $0 }) {
            for block in runbook.steps.flatMap(\.codeBlocks) {
                blocks += 1
                let template = CommandTemplate(block)
                #expect(template.placeholders.allSatisfy { $0.form == .angle }, "\(block.location)")
                #expect(Set(template.placeholders.map(\.token)) == angleTokens(block.code), "\(block.location)")
                #expect(template.isRunnable && !template.isScript, "\(block.location)")
                if !template.placeholders.isEmpty { withPlaceholders += 1 }
                let filled = template.filling(
                    with: Dictionary(
                        uniqueKeysWithValues: template.placeholders.map { ($0.name, "value-1") }))
                #expect(filled.unfilled.isEmpty && filled.quoted.isEmpty, "\(block.location)")
                #expect(!filled.commandLine.contains("<value"), "\(block.location)")
            }
        }
        #expect(blocks > 100)
        #expect(withPlaceholders > 60)
    }

    @Test("a known step: the first pod-restart diagnosis asks for the pod by name")
    func knownStep() throws {
        let catalog = try Catalog.load(directory: TestPaths.shippedRunbooks)
        let runbook = try #require(catalog.runbook(id: "pod-restart-loop"))
        let step = try #require(runbook.steps.first { $0.key == "diagnosis-4" })
        let template = CommandTemplate(try #require(step.codeBlocks.first))
        #expect(template.placeholders.map(\.name) == ["deployment-name", "pod-name"])
    }

    @Test("the payments library: an environment variable is a placeholder, process substitution is not")
    func paymentsLibrary() throws {
        let catalog = try Catalog.load(directory: TestPaths.paymentsFixture)
        let runbook = try #require(catalog.runbook(id: "daily-reconciliation"))
        let templates = runbook.steps.flatMap(\.codeBlocks).map(CommandTemplate.init)
        #expect(templates.map { $0.placeholders.map(\.token) } == [["$DATABASE_URL"], [], []])
    }
}
