import Foundation
import TerminalFrame
import TerminalText
import TestSupport
import Testing

@testable import GuideUI

/// The review's search, held to Foundation's case-insensitive `range(of:options:)`, which it replaces, on text whose
/// characters lowercase one to one (ASCII, accented Latin, Greek, Cyrillic, CJK, combining marks).
@Suite("Searching review rows ignoring case as Foundation did")
struct CaseInsensitiveSearchTests {
    private static let alphabet: [String] = [
        "a", "A", "b", "B", "z", "Z", " ", "-", "_", "1", "é", "É", "e\u{301}", "E\u{301}", "ö", "Ö", "Σ", "σ", "Ж",
        "ж", "資", "料", "庫", "\u{1F600}", "\t", ":",
    ]

    @Test(
        "chosen rows and queries",
        arguments: [
            ("Restarted the API pods", "api"), ("restarted", "RESTARTED"), ("資料庫 failover", "FAILOVER"),
            ("Café opened", "CAFÉ"), ("Cafe\u{301} opened", "café"), ("nothing here", "absent"), ("", "x"),
            ("aaa", "aa"), ("ΣΊΣΥΦΟΣ", "σίσυφοσ"),
        ])
    func chosen(row: String, query: String) {
        #expect(row.caseInsensitiveRange(of: query) == row.range(of: query, options: .caseInsensitive))
    }

    @Test("random rows and queries drawn from one alphabet")
    func random() {
        var random = SeededRandom(seed: 20)
        for _ in 0..<5000 {
            let row = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                Self.alphabet.randomElement(using: &random)!
            }
            .joined()
            let query = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                Self.alphabet.randomElement(using: &random)!
            }.joined()
            #expect(
                row.caseInsensitiveRange(of: query) == row.range(of: query, options: .caseInsensitive),
                "\(row.debugDescription) \(query.debugDescription)")
        }
    }

    @Test("an empty query matches nothing")
    func emptyQuery() {
        #expect("row".caseInsensitiveRange(of: "") == nil)
    }

    @Test(
        "the review highlights every occurrence in a row, each at its place, ignoring case",
        arguments: [
            ("API and api, Api", "api", ["API", " and ", "api", ", ", "Api"]),
            ("資料庫 DB 資料庫", "資料庫", ["資料庫", " DB ", "資料庫"]),
            ("Café CAFÉ cafe\u{301}", "café", ["Café", " ", "CAFÉ", " ", "cafe\u{301}"]),
            ("aaaa", "aa", ["aa", "aa"]), ("no match", "x", ["no match"]),
        ] as [(String, String, [String])])
    func highlightedRuns(row: String, query: String, pieces: [String]) {
        let match = Style(reverse: true)
        let runs = highlighted(row, query: query, base: .plain, match: match)
        #expect(runs.map(\.text) == pieces)
        #expect(runs.map { $0.attribute == match } == pieces.map { $0.caseInsensitiveRange(of: query) != nil })
    }
}
