import Foundation
import IncidentModel
import Localization
import Testing

/// One value of every case of the errors and warnings the command line and the guide show.
private let journalErrors: [JournalError] = [
    .diskFull(path: "/h/t.jsonl"), .permissionDenied(path: "/h/t.jsonl"), .readOnly(path: "/h/t.jsonl"),
    .locked(path: "/h/t.jsonl", waitedSeconds: 4.6), .notFound(path: "/h/t.jsonl"),
    .newerSchema(path: "/h/t.jsonl", line: 7, version: 9), .newerSchema(path: "/h/t.jsonl", line: nil, version: 9),
    .truncated(path: "/h/t.jsonl"), .encodingFailed(path: "/h/t.jsonl", reason: "NaN"),
    .seqExhausted(path: "/h/t.jsonl", seq: Int.max), .io(path: "/h/t.jsonl", operation: "read", code: EIO),
    .io(path: "/h/t.jsonl", operation: "fsync", code: EIO), .unsafePath(path: "/h/t.jsonl", problem: .symbolicLink),
    .unsafePath(path: "/h", problem: .notARegularFile(found: "a FIFO")),
    .unsafePath(path: "/h", problem: .notADirectory(found: "a regular file")),
    .unsafePath(path: "/h", problem: .ownedByAnotherUser(uid: 4242)),
]

private let journalProblems: [JournalProblem] =
    [
        JournalProblem(path: "/h/t.jsonl", line: 3, kind: .tornTail),
        JournalProblem(path: "/h/t.jsonl", line: 4, kind: .corrupt(reason: .unknownKind("x\u{1B}"))),
        JournalProblem(path: "/h/t.jsonl", line: 5, kind: .outOfOrder(seq: 9, previous: 4)),
    ] + corruptReasons.map { JournalProblem(path: "/h/t.jsonl", line: 6, kind: .corrupt(reason: $0)) }

/// One reason of every kind a line is set aside for.
private let corruptReasons: [CorruptLineReason] = [
    .notJSON, .notAnObject, .missingField("reason"), .wrongType(field: "seq"), .unknownKind("coffee-break"),
    .invalidField("severity", .notACase(type: "Severity", value: "P9")), .invalidField("roles", .unknownRole("boss")),
    .invalidField("id", .notAUUID), .invalidField("occurredAt", .notAnISO8601Time("yesterday")),
    .invalidField("startsAt", .notATime("soon")), .notAnEvent,
]

private let referenceErrors: [RunbookReferenceError] = [
    .noSuchStep(runbook: "disk-full", query: "9", available: ["diagnosis-1", "diagnosis-2"]),
    .ambiguousStep(runbook: "disk-full", query: "1", candidates: ["resolution-1", "prevention-1"]),
    .noSuchChecklistItem(runbook: "disk-full", item: 4, count: 3),
    .noSuchChecklistItem(runbook: "disk-full", item: 1, count: 0),
]

private let timeErrors: [TypedTimeError] =
    [.unreadable("soon"), .noSuchTime("25:00"), .noSuchDate("2026-13-01T00:00", year: 2026, month: 13, day: 1)]
    + (1...12).map { .noSuchDate("2026-\($0)-32T00:00", year: 2026, month: Int64($0), day: 32) }
    + [.skippedByClockChange("2026-03-08T02:30", zone: "America/New_York", suggestion: "2026-03-08T02:30-05:00")]

private let timeWarnings: [TypedTimeWarning] = [
    .readAsYesterday(text: "23:50", local: "2026-12-02 23:50"),
    .happenedTwice(text: "01:30", taken: "01:30-04:00", other: "01:30-05:00"),
    .afterNow(text: "2027-01-01T00:00", local: "2027-01-01 00:00", now: "2026-12-03 12:00"),
    .beforeOpening(text: "00:01", local: "2026-12-03 00:01", opened: "2026-12-03 01:00"),
]

@Suite("The incident model's errors in each language")
struct ErrorTextTests {
    private let english = Localizer(.english)
    private let chinese = Localizer(.traditionalChinese)

    @Test("the kind of file found where a journal file belongs is named in the reader's words")
    func fileKinds() {
        let fifo = UnsafePathProblem.notARegularFile(found: UnsafePathProblem.kind(of: S_IFIFO))
        #expect(fifo.description(in: chinese) == "是 FIFO（具名管線），不是一般檔案")
        #expect(fifo.description(in: english) == "is a FIFO, not a regular file")
        let modes = [S_IFREG, S_IFDIR, S_IFIFO, S_IFSOCK, S_IFCHR, S_IFBLK, S_IFLNK, 0]
        let unnamed = modes.map(UnsafePathProblem.kind(of:)).filter { UnsafePathProblem.kindKeys[$0] == nil }
        #expect(unnamed == [])
        for key in UnsafePathProblem.kindKeys.values {
            #expect(chinese.tr(key) != english.tr(key) || key == "cli.file_kind.socket", "\(key)")
            #expect(english.tr(key) != key)
        }
    }

    @Test("in English, every error and warning reads exactly as its description")
    func englishIsTheDescription() {
        for error in journalErrors { #expect(error.description(in: english) == error.description) }
        for problem in journalProblems { #expect(problem.description(in: english) == problem.description) }
        for error in referenceErrors { #expect(error.description(in: english) == error.description) }
        for error in timeErrors { #expect(error.description(in: english) == error.description) }
        for warning in timeWarnings { #expect(warning.description(in: english) == warning.description) }
    }

    @Test("in zh-TW, every one is another text that keeps the paths and values it quotes")
    func chineseKeepsTheValues() {
        for error in journalErrors {
            let text = error.description(in: chinese)
            #expect(text != error.description)
            #expect(text.contains("/h"), "\(text)")
        }
        for problem in journalProblems {
            #expect(problem.description(in: chinese).hasPrefix("/h/t.jsonl:\(problem.line): "))
            #expect(problem.message(in: chinese) != problem.message)
        }
        #expect(journalProblems[1].message(in: chinese) == "已略過損壞的一行：schema 1 沒有「x\\u{1B}」這種事件")
        for error in referenceErrors { #expect(error.description(in: chinese).contains("disk-full")) }
        for warning in timeWarnings { #expect(warning.description(in: chinese) != warning.description) }
    }

    @Test("a day a month does not have is said with the month as each language names it")
    func monthNames() {
        let error = TypedTimeError.noSuchDate("2026-02-30T09:00", year: 2026, month: 2, day: 30)
        #expect(
            error.description(in: english)
                == "cannot read time \"2026-02-30T09:00\": February 2026 has 28 days, not a day 30")
        #expect(error.description(in: chinese) == "無法讀取時間「2026-02-30T09:00」：2026 年 2 月只有 28 天，沒有 30 日")
        let step = RunbookReferenceError.ambiguousStep(runbook: "r", query: "1", candidates: ["a-1", "b-1"])
        #expect(step.description(in: chinese) == "runbook r 的步驟「1」可能是 a-1 或 b-1；請給 step ID")
    }
}
