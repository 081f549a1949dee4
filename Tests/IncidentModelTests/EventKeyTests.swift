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
