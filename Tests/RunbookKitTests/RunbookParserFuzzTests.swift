import Foundation
import TestSupport
import Testing

@testable import RunbookKit

/// Byte sequences an attacker or an unlucky editor puts in a runbook.
let hostileRunbookFragments: [[UInt8]] =
    [
        "\u{1B}[31m red \u{1B}[0m", "\u{1B}]0;title\u{07}", "\u{1B}\u{1B}[\u{1B}P\u{1B}\\\u{1B}_x\u{9C}",
        "\u{202E}evil\u{202C}",
        "99999999999999999999", "### Step 99999999999999999999: overflow\n", "### 步驟 99999999999999999999：溢位\n",
        "99999999999999999999. item\n", "-99999999999999999999", "&#99999999999;", "&#x110000;",
        String(repeating: ">", count: 3_000) + " deep\n", String(repeating: "- ", count: 2_000) + "x\n",
        (0..<200).map { String(repeating: "   ", count: $0) + "1. x\n" }.joined(),
        String(repeating: "<", count: 20_000), String(repeating: "`", count: 5_000),
        String(repeating: "` ", count: 5_000),
        String(repeating: "[", count: 5_000) + String(repeating: "](x)", count: 5_000),
        "```bash\nunclosed fence\n", "````\n```bash\ninner\n```\n", "\r\n\r\n", "\r", "\u{FEFF}", "\u{3000}",
        "| a | b |\n|---|---|\n| 1 | 2 |\n", "- [x] ticked\n- [ ] open\n",
        "**Last Updated**: 99999999999999999999-99-99\n",
        "**Review Cycle**: 每年\n**Owner**: \n", "## Diagnosis\n", "## Impact\n\n- **Severity**: P99999999999999999999\n",
        "<!-- unclosed comment", "<script>", "${HOME}{{ x }}<pod-name>$X", "# respond: no-run\n",
    ].map { Array($0.utf8) } + [
        [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], [0xE4, 0xB8],
    ]

/// One random change to `bytes`: a hostile fragment inserted (at a line's start or anywhere), a range deleted or
/// repeated, a byte flipped, the text cut short, or its line ends made CRLF.
func mutate(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
    var bytes = bytes
    let position = random.int(0..<(bytes.count + 1))
    switch random.int(0..<7) {
    case 0:
        // At the start of a line, where a fragment can be a heading, a list or a fence.
        let lineStart = bytes[..<position].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        bytes.insert(contentsOf: random.pick(hostileRunbookFragments), at: lineStart)
    case 1:
        bytes.insert(contentsOf: random.pick(hostileRunbookFragments), at: position)
    case 2:
        bytes.removeSubrange(position..<min(bytes.count, position + random.int(1..<400)))
    case 3:
        let slice = bytes[position..<min(bytes.count, position + random.int(1..<400))]
        bytes.insert(contentsOf: Array(slice), at: position)
    case 4:
        if position < bytes.count { bytes[position] ^= UInt8(1 << random.int(0..<8)) }
    case 5:
        bytes.removeSubrange(position...)
    default:
        bytes = bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
    }
    return bytes
}

extension Array {
    /// The element at `index`, or nil past either end.
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}

@Suite("Fuzz: the runbook parser on hostile input", .tags(.slow))
struct RunbookParserFuzzTests {
    static let seed: UInt64 = 0x5EED_0001
    static let iterations = 300

    /// The shipped runbooks and index, the seeds every mutation starts from.
    static func seeds() throws -> [[UInt8]] {
        let directory = TestPaths.shippedRunbooks
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".md") }.sorted()
        return try names.map { Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + $0))) }
    }

    @Test("mutated shipped runbooks parse, render, lint and index without a crash, and give sane results")
    func mutatedRunbooks() throws {
        let seeds = try Self.seeds()
        #expect(seeds.count == 16)
        var random = SeededRandom(seed: Self.seed)
        let linter = Linter(checker: ScriptedShellChecker(), today: CalendarDay(year: 2026, month: 11, day: 27))
        for iteration in 0..<Self.iterations {
            var bytes = random.pick(seeds)
            for _ in 0..<random.int(1..<6) {
                bytes = mutate(bytes, &random)
            }
            // Lines as cmark counts them: a lone CR ends one too.
            let lines =
                bytes.indices.count {
                    bytes[$0] == 0x0A || (bytes[$0] == 0x0D && bytes[safe: $0 + 1] != 0x0A)
                } + 1
            let result = RunbookParser.parse(data: Data(bytes), path: "lib/fuzz.md")
            let context = "iteration \(iteration) of seed \(Self.seed)"
            for diagnostic in result.diagnostics {
                #expect(diagnostic.location.file == "lib/fuzz.md", "\(context)")
                #expect((1...lines).contains(diagnostic.location.line), "\(context): \(diagnostic)")
            }
            if let runbook = result.runbook {
                #expect(runbook.id == "fuzz", "\(context)")
                #expect(Set(runbook.steps.map(\.key)).count == runbook.steps.count, "\(context)")
                #expect(runbook.steps.allSatisfy { (0...99_999).contains($0.number) }, "\(context)")
                let numbers = runbook.checklist.map(\.number)
                #expect(numbers == numbers.indices.map { $0 + 1 }, "\(context)")
                #expect(!RunbookText.render(runbook).isEmpty, "\(context)")
                for diagnostic in linter.lint(runbook, entry: nil) {
                    #expect((1...lines).contains(diagnostic.location.line), "\(context): \(diagnostic)")
                }
            } else {
                #expect(result.diagnostics.contains { $0.severity == .error }, "\(context): no runbook and no error")
            }
            let index = IndexParser.parse(data: Data(bytes), path: "lib/README.md")
            #expect(index.index.categories.flatMap(\.entries).allSatisfy { !$0.file.isEmpty }, "\(context)")
        }
    }
}
