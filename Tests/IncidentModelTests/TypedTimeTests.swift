import Foundation
import IncidentModel
import TestSupport
import Testing

@Suite("A typed --at time is read as the responder meant it")
struct TypedTimeTests {
    let taipei = TimeZone(identifier: "Asia/Taipei")!
    let losAngeles = TimeZone(identifier: "America/Los_Angeles")!
    let utcZone = TimeZone(identifier: "UTC")!
    /// 17:27 in Taipei, 01:27 in Los Angeles.
    let now = utc("2026-12-03T09:27:30.000Z")

    func read(_ text: String, in zone: TimeZone, now: Date? = nil, earliest: Date? = nil) throws -> TypedTime {
        try TypedTime.read(text, now: now ?? self.now, timeZone: zone, earliest: earliest)
    }

    func refusal(_ text: String, in zone: TimeZone, now: Date? = nil) -> TypedTimeError? {
        #expect(throws: TypedTimeError.self) { try read(text, in: zone, now: now) }
    }

    @Test("HH:MM is local time today: 15:42 in Taipei is 07:42 UTC the same day, not yesterday")
    func clockInTaipei() throws {
        let typed = try read("15:42", in: taipei)
        #expect(typed.date == utc("2026-12-03T07:42:00Z"))
        #expect(typed.warnings.isEmpty)
        #expect(try read("17:27", in: taipei).date == utc("2026-12-03T09:27:00Z"))
        #expect(try read("00:00:30", in: taipei).date == utc("2026-12-02T16:00:30Z"))
    }

    @Test("an HH:MM still to come today is yesterday's, with a warning that says so in local time")
    func clockLaterToday() throws {
        let typed = try read("23:59", in: taipei)
        #expect(typed.date == utc("2026-12-02T15:59:00Z"))
        #expect(typed.warnings == [.readAsYesterday(text: "23:59", local: "2026-12-02T23:59:00+08:00")])
        #expect(
            typed.warnings[0].description
                == "--at 23:59 is later than now today, so it was read as yesterday, 2026-12-02T23:59:00+08:00")
        let minuteAhead = try read("17:28", in: taipei)
        #expect(minuteAhead.date == utc("2026-12-03T09:28:00Z") && minuteAhead.warnings.isEmpty)
    }

    @Test("HH:MM in Los Angeles and in UTC")
    func clockInOtherZones() throws {
        #expect(try read("01:00", in: losAngeles).date == utc("2026-12-03T09:00:00Z"))
        let lateYesterday = try read("15:42", in: losAngeles)
        #expect(lateYesterday.date == utc("2026-12-02T23:42:00Z"))
        #expect(lateYesterday.warnings.count == 1)
        #expect(try read("09:00", in: utcZone).date == utc("2026-12-03T09:00:00Z"))
        #expect(try read("23:50", in: utcZone).date == utc("2026-12-02T23:50:00Z"))
    }

    @Test("ISO 8601 with Z or an offset is that moment in any zone; without a zone it is local time")
    func isoTimes() throws {
        for zone in [taipei, losAngeles, utcZone] {
            #expect(try read("2026-11-27T07:42Z", in: zone).date == utc("2026-11-27T07:42:00Z"))
            #expect(try read("2026-11-27T15:42+08:00", in: zone).date == utc("2026-11-27T07:42:00Z"))
            #expect(try read("2026-11-27T15:42:05.250+0800", in: zone).date == utc("2026-11-27T07:42:05.250Z"))
        }
        #expect(try read("2026-11-27T15:42", in: taipei).date == utc("2026-11-27T07:42:00Z"))
        #expect(try read("2026-11-27 15:42:30", in: losAngeles).date == utc("2026-11-27T23:42:30Z"))
        #expect(try read("2026-11-27T15:42", in: utcZone).date == utc("2026-11-27T15:42:00Z"))
    }

    @Test("dates and times that do not exist are refused with what is wrong, leap days are not")
    func impossible() throws {
        #expect(
            refusal("2026-02-31T10:00", in: taipei) == .noSuchDate("2026-02-31T10:00", year: 2026, month: 2, day: 31))
        #expect(
            refusal("2026-02-31T10:00", in: taipei)?.description
                == "cannot read time \"2026-02-31T10:00\": February 2026 has 28 days, not a day 31")
        #expect(refusal("2026-04-31T10:00Z", in: utcZone) != nil)
        #expect(refusal("2100-02-29T10:00Z", in: utcZone) != nil)
        #expect(refusal("2026-13-01T10:00Z", in: utcZone)?.description.contains("there is no month 13") == true)
        #expect(refusal("2026-11-00T10:00Z", in: utcZone) != nil)
        #expect(
            try read("2028-02-29T10:00Z", in: utcZone, now: utc("2028-03-01T00:00Z")).date == utc("2028-02-29T10:00Z"))
        for text in ["24:00", "12:60", "12:30:60", "2026-11-27T10:00+24:00", "2026-11-27T10:00+08:60"] {
            #expect(refusal(text, in: taipei) == .noSuchTime(text))
        }
        for text in ["soon", "5:00", "2026-11-27", "15:42Z", "2026-11-27T15", "１５:４２", ""] {
            #expect(refusal(text, in: taipei) == .unreadable(text))
        }
    }

    @Test("a local time the clocks skipped on a DST change day is refused with an offset to give instead")
    func springForward() throws {
        let error = refusal("2026-03-08T02:30", in: losAngeles, now: utc("2026-03-08T18:00Z"))
        #expect(
            error
                == .skippedByClockChange(
                    "2026-03-08T02:30", zone: "America/Los_Angeles", suggestion: "2026-03-08T02:30:00-08:00"))
        #expect(refusal("02:30", in: losAngeles, now: utc("2026-03-08T18:00Z")) != nil)
        #expect(try read("03:30", in: losAngeles, now: utc("2026-03-08T18:00Z")).date == utc("2026-03-08T10:30Z"))
        #expect(try read("01:30", in: losAngeles, now: utc("2026-03-08T18:00Z")).date == utc("2026-03-08T09:30Z"))
    }

    @Test(
        "a local time that happened twice when the clocks went back is the later past one, with a warning naming the other"
    )
    func fallBack() throws {
        let now = utc("2026-11-01T09:45Z")  // 01:45 PST, after 01:00–02:00 PDT and 01:00 PST
        let typed = try read("01:30", in: losAngeles, now: now)
        #expect(typed.date == utc("2026-11-01T09:30Z"))
        #expect(
            typed.warnings == [
                .happenedTwice(
                    text: "01:30", taken: "2026-11-01T01:30:00-08:00", other: "2026-11-01T01:30:00-07:00")
            ])
        let duringFirst = try read("01:30", in: losAngeles, now: utc("2026-11-01T08:45Z"))
        #expect(duringFirst.date == utc("2026-11-01T08:30Z") && duringFirst.warnings.isEmpty)
        let iso = try read("2026-11-01T01:30", in: losAngeles, now: utc("2026-11-02T00:00Z"))
        #expect(iso.date == utc("2026-11-01T09:30Z") && iso.warnings.count == 1)
    }

    @Test("a time after now or before the incident opened is kept and warned about")
    func outsideTheIncident() throws {
        let later = try read("2026-12-03T12:00+08:00", in: taipei)
        #expect(later.date == utc("2026-12-03T04:00Z") && later.warnings.isEmpty)
        let future = try read("2026-12-04T09:30Z", in: taipei)
        #expect(future.date == utc("2026-12-04T09:30Z"))
        #expect(
            future.warnings == [
                .afterNow(
                    text: "2026-12-04T09:30Z", local: "2026-12-04T17:30:00+08:00", now: "2026-12-03T17:27:30+08:00")
            ])
        let opened = utc("2026-12-03T08:00:40Z")
        let early = try read("15:59", in: taipei, earliest: opened)
        #expect(
            early.warnings == [
                .beforeOpening(
                    text: "15:59", local: "2026-12-03T15:59:00+08:00", opened: "2026-12-03T16:00:40+08:00")
            ])
        #expect(try read("16:00", in: taipei, earliest: opened).warnings.isEmpty)
    }
}
