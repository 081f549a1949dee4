import Foundation
import PropertyBased
import Testing

@testable import IncidentModel

/// The journal's times are counted from their fields by arithmetic; `timegm` is what they must agree with.
@Suite("A journal time's seconds since 1970 are what timegm counts")
struct JournalTimeArithmeticTests {
    private typealias Fields = (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)

    /// Fields as a journal line may hold them: any year of four digits, any day up to 31 in any month, a 60th second.
    private static let fields = Generator { random in
        (
            year: Int.random(in: 0...9999, using: &random), month: Int.random(in: 1...12, using: &random),
            day: Int.random(in: 1...31, using: &random), hour: Int.random(in: 0...23, using: &random),
            minute: Int.random(in: 0...59, using: &random), second: Int.random(in: 0...60, using: &random)
        )
    }

    private static func timegmSeconds(_ fields: Fields) -> Int {
        var parts = tm()
        parts.tm_year = Int32(fields.year - 1900)
        parts.tm_mon = Int32(fields.month - 1)
        parts.tm_mday = Int32(fields.day)
        parts.tm_hour = Int32(fields.hour)
        parts.tm_min = Int32(fields.minute)
        parts.tm_sec = Int32(fields.second)
        return Int(timegm(&parts))
    }

    private static func seconds(_ fields: Fields) -> Int {
        JournalTime.utcSeconds(
            year: fields.year, month: fields.month, day: fields.day, hour: fields.hour, minute: fields.minute,
            second: fields.second)
    }

    @Test("random fields count the seconds timegm counts")
    func randomFields() async {
        await propertyCheck(count: 5000, input: Self.fields) { fields in
            #expect(Self.seconds(fields) == Self.timegmSeconds(fields), "\(fields)")
        }
    }

    @Test(
        "the epoch, leap days, a day past a month's end, a 60th second and the ends of four-digit years",
        arguments: [
            (1970, 1, 1, 0, 0, 0), (2000, 2, 29, 12, 0, 0), (1900, 2, 29, 0, 0, 0), (2026, 4, 31, 23, 59, 60),
            (0, 1, 1, 0, 0, 0), (0, 2, 29, 0, 0, 0), (9999, 12, 31, 23, 59, 60), (1969, 12, 31, 23, 59, 59),
        ])
    func edges(_ fields: (Int, Int, Int, Int, Int, Int)) {
        let fields: Fields = fields
        #expect(Self.seconds(fields) == Self.timegmSeconds(fields))
    }

    @Test("a journal time is read to the millisecond with its offset")
    func readTime() throws {
        let date = try #require(JournalTime.date(from: "2026-11-27T08:40:03.250+08:00"))
        #expect(date == Date(timeIntervalSince1970: 1_795_740_003.25))
    }
}
