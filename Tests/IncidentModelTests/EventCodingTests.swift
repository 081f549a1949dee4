import Foundation
import IncidentModel
import RunbookKit
import TestSupport
import Testing

@Suite("Event JSON codec")
struct EventCodingTests {
    @Test("every kind survives encoding and decoding unchanged", arguments: EventSamples.kinds)
    func roundTrip(kind: EventKind) throws {
        let event = Event(
            seq: 7, recordedAt: utc("2026-11-27T00:20:05.123Z"), occurredAt: utc("2026-11-27T00:05:00.000Z"),
            actor: "amy", kind: kind
        )
        let line = try EventCodec.line(for: event)
        #expect(!line.contains(0x0A))
        #expect(try EventCodec.event(from: line) == event)
    }

    @Test("the kinds of the schema are exactly the documented names")
    func kindNames() {
        let names = Set(EventSamples.kinds.map(\.name))
        #expect(names == Set(EventKind.Name.allCases.map(\.rawValue)))
        #expect(EventKind.Name.allCases.count == 22)
    }

    @Test("a line is one flat object with sorted keys and millisecond UTC times")
    func flatSortedLine() throws {
        let event = Event(
            seq: 3, id: UUID(uuidString: "6F1C1E9A-2B7D-4C59-9E3A-0E4B9D7F1A22")!,
            recordedAt: utc("2026-11-27T00:20:05.123Z"), actor: "amy",
            kind: .stepSkipped(EventSamples.step, reason: "not needed")
        )
        let line = String(decoding: try EventCodec.line(for: event), as: UTF8.self)
        #expect(
            line
                == #"{"actor":"amy","id":"6F1C1E9A-2B7D-4C59-9E3A-0E4B9D7F1A22","kind":"step-skipped","occurredAt":"2026-11-27T00:20:05.123Z","reason":"not needed","recordedAt":"2026-11-27T00:20:05.123Z","runbook":"high-cpu-usage","seq":3,"step":"diagnosis-2","title":"找出 CPU 最高的 Pod","v":1}"#
        )
    }

    @Test("an unknown kind of the same schema is an error naming the kind")
    func unknownKind() {
        let line =
            #"{"v":1,"seq":1,"id":"6F1C1E9A-2B7D-4C59-9E3A-0E4B9D7F1A22","recordedAt":"2026-11-27T00:20:05.123Z","occurredAt":"2026-11-27T00:20:05.123Z","actor":"a","kind":"coffee-break"}"#
        #expect(throws: EventDecodingError.unknownKind("coffee-break")) {
            try EventCodec.event(from: Data(line.utf8))
        }
    }

    @Test("a newer schema version is refused before anything else is read")
    func newerSchema() {
        #expect(throws: EventDecodingError.newerSchema(2)) {
            try EventCodec.event(from: Data(#"{"v":2,"kind":"hologram"}"#.utf8))
        }
    }

    @Test("a step event without its reason is a decoding error")
    func missingField() {
        let line =
            #"{"v":1,"seq":1,"id":"6F1C1E9A-2B7D-4C59-9E3A-0E4B9D7F1A22","recordedAt":"2026-11-27T00:20:05.123Z","occurredAt":"2026-11-27T00:20:05.123Z","actor":"a","kind":"step-skipped","runbook":"r","step":"s","title":"t"}"#
        #expect(throws: DecodingError.self) { try EventCodec.event(from: Data(line.utf8)) }
    }
}

@Suite("Journal times")
struct JournalTimeTests {
    @Test("times are written in UTC with milliseconds")
    func format() {
        #expect(JournalTime.string(from: Date(timeIntervalSince1970: 1_795_738_805.1234)) == "2026-11-27T00:20:05.123Z")
        #expect(JournalTime.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test("the written time is the calendar date gmtime gives, across leap days, centuries and before 1970")
    func formatMatchesGmtime() {
        var seconds: Int64 = -62_135_596_800
        while seconds < 253_402_300_800 {
            for offset: Int64 in [0, 59, 86_399] {
                var moment = time_t(seconds + offset)
                var parts = tm()
                gmtime_r(&moment, &parts)
                let expected = String(
                    format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                    Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), 250
                )
                #expect(
                    JournalTime.string(from: Date(timeIntervalSince1970: Double(seconds + offset) + 0.25)) == expected)
            }
            seconds += 86_400 * 97 + 3_601
        }
        #expect(JournalTime.string(from: Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
        #expect(JournalTime.string(from: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
    }

    @Test("ISO 8601 with an offset, without seconds or with a long fraction parses to the same instant")
    func parse() {
        let expected = utc("2026-11-27T00:20:00.000Z")
        #expect(JournalTime.date(from: "2026-11-27T08:20+08:00") == expected)
        #expect(JournalTime.date(from: "2026-11-27T00:20:00Z") == expected)
        #expect(JournalTime.date(from: "2026-11-27T00:20:05.123456Z") == utc("2026-11-27T00:20:05.123Z"))
        #expect(JournalTime.date(from: "2026-11-27") == nil)
        #expect(JournalTime.date(from: "2026-13-27T00:20Z") == nil)
        #expect(JournalTime.date(from: "yesterday") == nil)
    }
}
