import Testing

@testable import IncidentModel

@Suite("Journal keys")
struct EventKeyTests {
    @Test("each key's index is its place among all keys")
    func indexFollowsAllCases() {
        for (place, key) in EventKey.allCases.enumerated() {
            #expect(key.index == place, "\(key)")
        }
    }

    @Test("every key is found by the bytes of its name, and a longer name than any key is no key")
    func namedFindsEveryKey() {
        for key in EventKey.allCases {
            let bytes = Array(key.rawValue.utf8)
            let found = bytes.withUnsafeBufferPointer { EventKey.named(0..<$0.count, in: $0) }
            #expect(found == key)
        }
        let long = Array("durationSecondsAndMore".utf8)
        #expect(long.withUnsafeBufferPointer { EventKey.named(0..<$0.count, in: $0) } == nil)
    }
}

@Suite("Kind names read from a line's bytes")
struct EventKindNameBytesTests {
    @Test("every kind is found by its name's bytes, wherever the name sits in the line, with its place among kinds")
    func everyKindEverywhere() {
        for (place, kind) in EventKind.Name.allCases.enumerated() {
            for (padding, after) in [(0, ""), (3, ""), (40, ""), (0, "\":1}"), (5, "\" : \"a long value\"}")] {
                let before = "\"" + String(repeating: "x", count: padding)
                let line = Array((before + kind.rawValue + after).utf8)
                let start = before.utf8.count
                let range = start..<(start + kind.rawValue.utf8.count)
                let found = line.withUnsafeBufferPointer { EventKind.Name.named(range, in: $0) }
                #expect(
                    found?.value == kind && found?.index == place, "\(kind) after \(padding) bytes, before \(after)")
            }
        }
    }

    @Test("a name that differs from a kind's in any one byte, or is one byte shorter, names no kind")
    func nearMissesAreNoKind() {
        for kind in EventKind.Name.allCases {
            let name = Array(kind.rawValue.utf8)
            for place in name.indices {
                var changed = name
                changed[place] ^= 0x20
                let found = changed.withUnsafeBufferPointer { EventKind.Name.named(0..<$0.count, in: $0) }
                #expect(found == nil || found?.value.rawValue == String(decoding: changed, as: UTF8.self))
            }
            let shorter = Array(name.dropLast()) + [UInt8(ascii: "\"")]
            let found = shorter.withUnsafeBufferPointer { EventKind.Name.named(0..<($0.count - 1), in: $0) }
            #expect(found == nil || found?.value.rawValue == String(decoding: shorter.dropLast(), as: UTF8.self))
        }
    }
}
