import Testing

@testable import RunbookKit

/// A file that only says its runbook moved is found by its phrases, in English and Chinese, in any ASCII case.
@Suite("Moved stubs")
struct MovedStubTests {
    @Test("every phrase holds one of the anchor words that are looked for first")
    func anchorsCoverPhrases() {
        for phrase in MovedStub.phrases {
            #expect(MovedStub.anchorWords.contains { phrase.contains($0) }, "\(phrase)")
        }
    }

    @Test(
        "a line with a phrase names the destination; one without names none",
        arguments: [
            ("This runbook HAS MOVED to [the wiki](https://wiki.example.com/disk).", "https://wiki.example.com/disk"),
            ("此 runbook 已遷移至 storage/VolumeFull.md", "此 runbook 已遷移至 storage/VolumeFull.md"),
            (
                "The runbook is now at https://handbook.example.com",
                "The runbook is now at https://handbook.example.com"
            ),
            ("The database has been migrated; see below.", "The database has been migrated; see below."),
        ])
    func destination(line: String, expected: String) {
        #expect(MovedStub.destination(ofLine: line) == expected)
    }

    @Test("paragraphs that mention moving without a phrase are no stub")
    func notMoved() {
        for line in ["Pods are removed and rescheduled.", "Move the volume, then restart.", "移動 is not 移至 in 文字"] {
            let expected: String? = line.contains("移至") ? line : nil
            #expect(MovedStub.destination(ofLine: line) == expected, "\(line)")
        }
    }
}
