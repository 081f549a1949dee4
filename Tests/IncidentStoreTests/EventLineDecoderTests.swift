import Foundation
import IncidentModel
import IncidentStore
import Localization
import RunbookKit
import TestSupport
import Testing

/// The journal reads every line as it read them through `JSONDecoder` and `Codable`: the expectations below are
/// what that reader gave for the same bytes, problem messages included.
@Suite("Journal lines read as JSONDecoder read them", .temporaryFiles)
struct EventLineDecoderTests {
    static let envelope =
        #""id":"6F1C1E9A-2B7D-4C59-9E3A-0E4B9D7F1A22","recordedAt":"2026-11-27T00:20:05.123Z","occurredAt":"2026-11-27T00:20:05.123Z","actor":"amy""#

    /// A line of `kind` with `fields` after the envelope.
    static func line(_ kind: String, _ fields: String = "", seq: String = "1") -> String {
        #"{"v":1,"seq":\#(seq),\#(envelope),"kind":"\#(kind)""# + (fields.isEmpty ? "" : ",\(fields)") + "}"
    }

    static func note(_ text: String, _ extra: String = "") -> String {
        line("note", #""text":\#(text)"# + (extra.isEmpty ? "" : ",\(extra)"))
    }

    /// What the journal made of a line.
    enum Outcome: Equatable {
        case event(Event)
        case setAside(JournalProblem.Kind)

        var seq: Int? {
            guard case .event(let event) = self else { return nil }
            return event.seq
        }

        var kind: EventKind? {
            guard case .event(let event) = self else { return nil }
            return event.kind
        }

        var noteText: String? {
            guard case .note(let text, _, _) = kind else { return nil }
            return text
        }
    }

    /// What the journal makes of one line: the event, or the reason it set the line aside.
    func read(_ bytes: [UInt8]) throws -> Outcome {
        let path = try freshDirectory() + "/timeline.jsonl"
        try Data(bytes + [0x0A]).write(to: URL(fileURLWithPath: path))
        let contents = try Journal.read(path)
        if let problem = contents.problems.first { return .setAside(problem.kind) }
        return .event(try #require(contents.events.first))
    }

    func read(_ line: String) throws -> Outcome {
        try read(Array(line.utf8))
    }

    static let refused: [(line: String, reason: String)] = [
        (String(note(#""cut"#).dropLast(4)), "not valid JSON"),
        (note(#""x""#) + "x", "not valid JSON"),
        (line("step-skipped", #""runbook":"r","step":"s","title":"t""#), #"missing field "reason""#),
        (line("reopened").replacingOccurrences(of: #""v":1,"#, with: ""), #"missing field "v""#),
        (line("reopened", seq: #""1""#), #"field "seq" has the wrong type"#),
        (note("null"), #"field "text" has the wrong type"#),
        (note(#""x""#, #""pinned":1"#), #"field "pinned" has the wrong type"#),
        ("[1]", #"field "value" has the wrong type"#),
        ("null", #"field "value" has the wrong type"#),
        (
            line("severity-changed", #""severity":"P9""#),
            #"field "severity" is invalid: Cannot initialize Severity from invalid String value P9"#
        ),
        (
            line("status-changed", #""status":"fine""#),
            #"field "status" is invalid: Cannot initialize IncidentStatus from invalid String value fine"#
        ),
        (
            line("milestone", #""milestone":"later""#),
            #"field "milestone" is invalid: Cannot initialize Milestone from invalid String value later"#
        ),
        (
            line("role-assigned", #""role":"boss","person":"p""#),
            #"field "role" is invalid: Cannot initialize Role from invalid String value boss"#
        ),
        (
            line("incident-opened", #""title":"t","severity":"P1","runbook":"r","roles":{"boss":"x"}"#),
            #"field "roles" is invalid: unknown role "boss""#
        ),
        (
            line("reopened").replacingOccurrences(of: "6F1C1E9A-", with: "6F1C1E9A+"),
            #"field "id" is invalid: Attempted to decode UUID from invalid UUID string."#
        ),
        (
            line("reopened").replacingOccurrences(
                of: #""occurredAt":"2026-11-27T00:20:05.123Z""#, with: #""occurredAt":"yesterday""#),
            #"field "occurredAt" is invalid: occurredAt "yesterday" is not an ISO 8601 time"#
        ),
        (
            line("command-ran", #""command":"c","durationSeconds":1,"placeholders":{"ns":1}"#),
            #"field "ns" has the wrong type"#
        ),
        (line("command-ran", #""command":"c","durationSeconds":1,"step":null"#), #"missing field "runbook""#),
        (
            line("alert-attached", #""alertname":"A","startsAt":"soon""#),
            #"field "startsAt" is invalid: not a time: soon"#
        ),
        (line("coffee-break"), #"unknown event kind "coffee-break" for schema 1"#),
        (line("reopened", seq: "1.5"), "not valid JSON"),
        (line("reopened", seq: "01"), "not valid JSON"),
        (line("reopened", seq: "9223372036854775808"), "not valid JSON"),
        (line("command-ran", #""command":"c","durationSeconds":1,"exitCode":3000000000"#), "not valid JSON"),
        (line("command-ran", #""command":"c","durationSeconds":1e400"#), "not valid JSON"),
        (line("command-ran", #""command":"c","durationSeconds":1e-400"#), "not valid JSON"),
        (line("command-ran", #""command":"c","durationSeconds":0e5"#), "not valid JSON"),
        (line("command-ran", #""command":"c","durationSeconds":1."#), "not valid JSON"),
        (note(#""\ud83d""#), "not valid JSON"),
        (note(#""\ude00""#), "not valid JSON"),
        (note(#""\ud83d\u0041""#), "not valid JSON"),
        (note(#""\q""#), "not valid JSON"),
        (note(#""\u00zz""#), "not valid JSON"),
        (note("\"a\tb\""), "not valid JSON"),
        (note(#""x""#, #""\q":1"#), "not valid JSON"),
        (note(#""x""#, #""extra":"\u12"}"#), "not valid JSON"),
        (note(#""x""#, #""extra":+1"#), "not valid JSON"),
        (note(#""x""#, #""extra":tru"#), "not valid JSON"),
    ]

    /// The reason the journal gave for setting `line` aside, nil when it read the line.
    func reason(_ line: String) throws -> CorruptLineReason? {
        guard case .setAside(.corrupt(let reason)) = try read(line) else { return nil }
        return reason
    }

    @Test("a line the JSON reader refused is set aside with the same reason", arguments: refused)
    func refusedLine(line: String, reason: String) throws {
        #expect(try self.reason(line)?.description == reason)
    }

    @Test("in zh-TW, the reason a line was set aside is Chinese and keeps the fields and values it quotes")
    func refusedLineInChinese() throws {
        let chinese = Localizer(.traditionalChinese)
        let english = ["field", "missing", "invalid", "Cannot", "Attempted", "not a", "unknown", "wrong type"]
        for (line, _) in Self.refused {
            let text = try #require(try reason(line)).description(in: chinese)
            #expect(english.allSatisfy { !text.contains($0) }, "\(text)")
        }
        #expect(try reason(Self.refused[0].line)?.description(in: chinese) == "不是有效的 JSON")
        #expect(
            try reason(Self.line("severity-changed", #""severity":"P9""#))?.description(in: chinese)
                == "欄位「severity」的值無效（「P9」不是有效的 Severity）")
        #expect(
            try reason(Self.line("step-skipped", #""runbook":"r","step":"s","title":"t""#))?.description(in: chinese)
                == "缺少欄位「reason」")
    }

    @Test("bytes that are not UTF-8 are refused in a field that is read and in any key, not in a field that is not")
    func invalidUTF8() throws {
        let open = Array(Self.note(#""x""#).utf8.dropLast())
        let notJSON = Outcome.setAside(.corrupt(reason: .notJSON))
        #expect(
            try read(Array(Self.line("note").utf8.dropLast()) + Array(#","text":"a"#.utf8) + [0xFF, 0x22, 0x7D])
                == notJSON)
        #expect(try read(open + Array(#",""#.utf8) + [0xFF] + Array(#"":1}"#.utf8)) == notJSON)
        #expect(try read(open + Array(#","extra":"a"#.utf8) + [0xFF, 0x22, 0x7D]).seq == 1)
        #expect(try read(open + Array(#","extra":"a"#.utf8) + [0xED, 0xA0, 0x80, 0x22, 0x7D]).seq == 1)
    }

    @Test("escapes, surrogate pairs, CJK and control characters written as escapes are read as text")
    func escapes() throws {
        #expect(
            try read(Self.note(#""a\u00e9\/\n\t\"\\ \ud83d\ude00 \uD83D\uDE00 \b\f\r\u0000""#)).noteText
                == "aé/\n\t\"\\ 😀 😀 \u{08}\u{0C}\r\u{00}")
        #expect(
            try read(Self.note(#""已通知 #team-orders，等待 service owner 回覆""#)).noteText
                == "已通知 #team-orders，等待 service owner 回覆")
        #expect(
            try read(Self.note(#""x""#).replacingOccurrences(of: #""kind""#, with: #""k\u0069nd""#)).noteText == "x")
    }

    @Test("unknown fields are skipped whatever they hold, if their JSON has the right shape")
    func unknownFields() throws {
        let odd = #""extra":{"\q":[1,"\ud800",{"n":01},],"m":-},"more":"tab"# + "\t" + #"and \u00zz","last":1.2.3e+-"#
        #expect(try read(Self.note(#""x""#, odd)).noteText == "x")
        #expect(try read("\u{FEFF}" + Self.note(#""bom""#)).seq == 1)
        #expect(try read(" \t" + Self.note(#""x""#) + " \r").seq == 1)
    }

    @Test("the first of repeated keys counts, and trailing commas are accepted")
    func repeatedKeys() throws {
        let event = try read(Self.line("reopened", #""seq":2,"kind":"note","#))
        #expect(event.seq == 1 && event.kind == .reopened)
        let opened = try read(
            Self.line(
                "incident-opened", #""title":"t","severity":"P1","runbook":"r","roles":{"scribe":"a","scribe":"b",}"#))
        #expect(
            opened.kind == .incidentOpened(title: "t", severity: .p1, runbook: "r", drill: false, roles: [.scribe: "a"])
        )
    }

    @Test("numbers are read the way JSONDecoder reads them into integers and doubles")
    func numbers() throws {
        for (text, seq) in [
            ("1.0", 1), ("1e2", 100), ("1.5e1", 15), ("-0", 0), ("1e-400", 0),
            ("9007199254740993", 9_007_199_254_740_993), ("9007199254740993.0", 9_007_199_254_740_993),
            ("1.0000000000000000001", 1),
        ] {
            #expect(try read(Self.line("reopened", seq: text)).seq == seq, "seq \(text)")
        }
        let run = try read(
            Self.line("command-ran", #""command":"c","durationSeconds":1.5e-3,"exitCode":-1.0,"outputFile":null"#))
        #expect(
            run.kind == .commandRan(CommandRun(command: "c", exitCode: -1, durationSeconds: 0.0015, outputExcerpt: "")))
        let zero = try read(Self.line("command-ran", #""command":"c","durationSeconds":0e05"#))
        #expect(
            zero.kind == .commandRan(CommandRun(command: "c", exitCode: nil, durationSeconds: 0, outputExcerpt: "")))
    }

    @Test("a UUID is read as Foundation reads it, in either case")
    func uuids() throws {
        let lower = try read(
            Self.line("reopened").replacingOccurrences(
                of: "6F1C1E9A-2B7D-4C59-9E3A-0E4B9D7F1A22", with: "6f1c1e9a-2b7d-4c59-9e3a-0e4b9d7f1a22"))
        guard case .event(let event) = lower else {
            Issue.record("refused: \(lower)")
            return
        }
        #expect(event.id == UUID(uuidString: "6F1C1E9A-2B7D-4C59-9E3A-0E4B9D7F1A22"))
    }

    @Test("a line of a newer schema refuses the journal before its other fields are looked at")
    func newerSchema() throws {
        let path = try freshDirectory() + "/timeline.jsonl"
        try Data((Self.line("reopened") + "\n" + #"{"v":2,"kind":"hologram"}"# + "\n").utf8).write(
            to: URL(fileURLWithPath: path))
        #expect(throws: JournalError.newerSchema(path: path, line: 2, version: 2)) { try Journal.read(path) }
    }

    @Test("every event of every kind written by the journal reads back equal")
    func everyKindRoundTrips() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        let written = try journal.append(
            EventSamples.kinds.map { NewEvent(actor: "amy", kind: $0) }, now: utc("2026-11-27T00:20:05.123Z")
        )
        let contents = try Journal.read(journal.path)
        #expect(contents.problems.isEmpty)
        #expect(contents.events == written)
    }

    @Test("a line, and a pretty-printed event, are byte for byte what JSONEncoder makes of the event")
    func writtenAsJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let tricky = "a/b \\ \"q\" \n\r\t\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F} 中文 😀 e\u{301} \u{2028}"
        var kinds = EventSamples.kinds
        kinds.append(.note(text: tricky, pinned: true, commander: true))
        kinds.append(
            .incidentOpened(
                title: tricky, severity: .p0, runbook: "r", drill: false,
                roles: [.scribe: tricky, .commander: "b", .responder: "c"]))
        for duration in [
            0, -0.0, 0.1, 1.5e-7, 1e21, 123_456_789.125, .leastNonzeroMagnitude, 1.7976931348623157e308,
            9_007_199_254_740_994,
        ] {
            kinds.append(
                .commandRan(
                    CommandRun(
                        command: tricky, placeholders: ["Zone": "z", "a": tricky, "B": "b", "é": "e"],
                        exitCode: -2_147_483_648,
                        durationSeconds: duration, outputExcerpt: tricky, outputFile: "out/1.txt",
                        stoppedBecause: "timed out"
                    )))
        }
        for kind in kinds {
            let event = Event(
                seq: 42, recordedAt: utc("1969-12-31T23:59:59.999Z"), occurredAt: utc("2026-11-27T00:05:00Z"),
                actor: tricky, kind: kind)
            #expect(try EventCodec.line(for: event) == encoder.encode(event), "\(kind.name)")
            var laidOut: [UInt8] = []
            try EventCodec.appendPretty(for: event, depth: 0, to: &laidOut)
            #expect(try Data(laidOut) == pretty.encode(event), "\(kind.name)")
            #expect(try EventCodec.event(from: EventCodec.line(for: event)) == event)
        }
    }

    @Test("an append numbers after the last line holding an integer v and seq, whatever else that line holds")
    func appendNumbersAfterHeader() throws {
        let journal = Journal(path: try freshDirectory() + "/timeline.jsonl")
        let now = utc("2026-11-27T00:20:05.123Z")
        _ = try journal.append([NewEvent(actor: "amy", kind: .reopened)], now: now)
        try appendRaw(#"{"v":1,"seq":7,"kind":"hologram"}"# + "\n", to: journal.path)
        #expect(try journal.append([NewEvent(actor: "amy", kind: .reopened)], now: now).map(\.seq) == [8])
        try appendRaw(#"{"v":1,"seq":"20"}"# + "\n" + #"{"seq":30}"# + "\n", to: journal.path)
        #expect(try journal.append([NewEvent(actor: "amy", kind: .reopened)], now: now).map(\.seq) == [9])
    }
}
