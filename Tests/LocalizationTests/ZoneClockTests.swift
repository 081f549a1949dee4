import Foundation
import Testing

@testable import Localization

@Suite("Times are shown in the reader's zone with the zone named")
struct ZoneClockTests {
    private let instant = Date(timeIntervalSince1970: 1_796_306_709)  // 2026-12-03T14:05:09Z

    @Test("Taipei reads the instant eight hours ahead and names its zone")
    func taipei() throws {
        let clock = ZoneClock(zone: try #require(TimeZone(identifier: "Asia/Taipei")))
        #expect(clock.clock(instant) == "22:05")
        #expect(clock.dateTime(instant) == "2026-12-03 22:05")
        #expect(clock.timestamp(instant) == "2026-12-03T22:05:09+08:00")
        #expect(clock.zoneName(at: instant) == "Asia/Taipei (UTC+8)")
    }

    @Test("UTC is named UTC and its timestamps end in Z")
    func utc() {
        #expect(ZoneClock.utc.timestamp(instant) == "2026-12-03T14:05:09Z")
        #expect(ZoneClock.utc.zoneName(at: instant) == "UTC")
    }

    @Test("Zones west of UTC, half-hour offsets and daylight saving time")
    func otherZones() throws {
        let newYork = ZoneClock(zone: try #require(TimeZone(identifier: "America/New_York")))
        #expect(newYork.timestamp(instant) == "2026-12-03T09:05:09-05:00")
        let summer = Date(timeIntervalSince1970: 1_782_741_600)  // 2026-06-29T14:00:00Z
        #expect(newYork.zoneName(at: summer) == "America/New_York (UTC-4)")
        let india = ZoneClock(zone: try #require(TimeZone(identifier: "Asia/Kolkata")))
        #expect(india.timestamp(instant) == "2026-12-03T19:35:09+05:30")
        #expect(india.zoneName(at: instant) == "Asia/Kolkata (UTC+5:30)")
    }

    @Test("Wall times agree with Foundation's calendar across centuries and before 1970")
    func agreesWithCalendar() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Taipei"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let clock = ZoneClock(zone: zone)
        // Instants spread over about four centuries, at odd strides so every hour, day and month comes up.
        for step in 0..<2000 {
            let date = Date(timeIntervalSince1970: -5_000_000_000 + Double(step) * 6_500_003.0)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let expected = String(
                format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
            #expect(clock.dateTime(date) == expected, "at \(date.timeIntervalSince1970)")
        }
    }

    @Test("Timestamps agree with Foundation's calendar and the zone's offset, east and west, across centuries")
    func timestampsAgreeWithCalendar() throws {
        for name in ["UTC", "Asia/Taipei", "Asia/Kolkata", "America/St_Johns", "America/New_York"] {
            let zone = try #require(TimeZone(identifier: name))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let clock = ZoneClock(zone: zone)
            for step in 0..<500 {
                // From 1621 (after the Gregorian reform, which Foundation's calendar follows) to 3206.
                let date = Date(timeIntervalSince1970: -11_000_000_000 + Double(step) * 100_000_007.0)
                let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
                let offset = zone.secondsFromGMT(for: date)
                let minutes = abs(offset) / 60
                let zoneText =
                    offset == 0
                    ? "Z" : (offset < 0 ? "-" : "+") + String(format: "%02d:%02d", minutes / 60, minutes % 60)
                let expected =
                    "\(c.year ?? 0)"
                    + String(
                        format: "-%02d-%02dT%02d:%02d:%02d", c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
                        c.second ?? 0) + zoneText
                #expect(clock.timestamp(date) == expected, "\(name) at \(date.timeIntervalSince1970)")
            }
        }
    }
}
