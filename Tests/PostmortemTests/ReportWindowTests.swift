import Foundation
import Postmortem
import Testing

@Suite("The report's window: --since and --until")
struct ReportWindowTests {
    /// 2026-12-03 14:05:00 UTC.
    private static let now = Date(timeIntervalSince1970: 1_796_306_700)
    private static let utc = TimeZone(secondsFromGMT: 0)!
    private static let taipei = TimeZone(identifier: "Asia/Taipei")!

    private static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test("without options the window is the 7 days of 24 hours that end now")
    func defaultWindow() throws {
        let window = try ReportWindow.read(since: nil, until: nil, now: Self.now, timeZone: Self.taipei)
        #expect(window.end == Self.now)
        #expect(window.start == Self.now.addingTimeInterval(-7 * 86_400))
    }

    @Test("Nd counts N days back from the window's end, now or the end of --until")
    func days() throws {
        let thirty = try ReportWindow.read(since: "30d", until: nil, now: Self.now, timeZone: Self.utc)
        #expect(thirty.start == Self.now.addingTimeInterval(-30 * 86_400))
        let ended = try ReportWindow.read(since: "1d", until: "2026-11-30", now: Self.now, timeZone: Self.utc)
        #expect(ended.start == Self.instant("2026-11-30T00:00:00Z"))
        #expect(ended.end == Self.instant("2026-12-01T00:00:00Z"))
    }

    @Test("a date starts at its midnight and --until includes its whole day, in the user's time zone")
    func datesInTheUsersZone() throws {
        let window = try ReportWindow.read(
            since: "2026-11-01", until: "2026-11-30", now: Self.now, timeZone: Self.taipei)
        #expect(window.start == Self.instant("2026-10-31T16:00:00Z"))
        #expect(window.end == Self.instant("2026-11-30T16:00:00Z"))
        #expect(window.contains(Self.instant("2026-10-31T16:00:00Z")))
        #expect(window.contains(Self.instant("2026-11-30T15:59:59Z")))
        #expect(!window.contains(Self.instant("2026-11-30T16:00:00Z")))
        #expect(!window.contains(Self.instant("2026-10-31T15:59:59Z")))
    }

    @Test("--until on the last day of a month or a year ends at the next month's or year's first midnight")
    func monthAndYearEnds() throws {
        let window = try ReportWindow.read(since: "2026-12-01", until: "2026-12-31", now: Self.now, timeZone: Self.utc)
        #expect(window.end == Self.instant("2027-01-01T00:00:00Z"))
        let leap = try ReportWindow.read(since: "2028-02-01", until: "2028-02-28", now: Self.now, timeZone: Self.utc)
        #expect(leap.end == Self.instant("2028-02-29T00:00:00Z"))
    }

    @Test("what is neither Nd nor a date, an impossible date, and a window that ends before it starts are refused")
    func refusals() {
        for since in ["7", "d", "0d", "-3d", "+3d", "7w", "3661d", "2026-02-30", "2026-1-5", "yesterday", ""] {
            #expect(throws: ReportWindowError.unreadableSince(since)) {
                try ReportWindow.read(since: since, until: nil, now: Self.now, timeZone: Self.utc)
            }
        }
        for until in ["7d", "2026-13-01", "2026-11-31", "now"] {
            #expect(throws: ReportWindowError.unreadableUntil(until)) {
                try ReportWindow.read(since: nil, until: until, now: Self.now, timeZone: Self.utc)
            }
        }
        #expect(throws: ReportWindowError.empty(since: "2026-12-02", until: "2026-12-01")) {
            try ReportWindow.read(since: "2026-12-02", until: "2026-12-01", now: Self.now, timeZone: Self.utc)
        }
    }
}
