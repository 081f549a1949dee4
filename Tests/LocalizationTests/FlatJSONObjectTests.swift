import Foundation
import TestSupport
import Testing

@testable import Localization

/// The catalogs are read by a hand-written reader; wherever it answers, `JSONDecoder` must answer the same.
@Suite("Catalog files read without JSONDecoder")
struct FlatJSONObjectTests {
    private func decoded(_ text: String) -> [String: String]? {
        try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }

    @Test("each shipped catalog is read by the reader, to what JSONDecoder reads", arguments: Language.allCases)
    func shippedCatalogs(language: Language) throws {
        let bytes = language == .english ? PackageResources.en_json : PackageResources.zh_TW_json
        let read = try #require(FlatJSONObject.strings(bytes))
        #expect(read == (try JSONDecoder().decode([String: String].self, from: Data(bytes))))
    }

    @Test(
        "escapes, spaces and empty objects read as JSONDecoder reads them",
        arguments: [
            #"{}"#, #" { } "#, #"{"a":"b"}"#, "{\n\t\"a\" : \"b\" ,\r\n \"c\":\"\"}",
            #"{"q":"say \"hi\"","s":"a\/b\\c","c":"\b\f\n\r\t"}"#, #"{"中":"文 ✓"}"#,
        ])
    func agrees(text: String) throws {
        let read = try #require(FlatJSONObject.strings(Array(text.utf8)))
        #expect(read == decoded(text))
    }

    @Test(
        "what the reader does not read exactly is left to JSONDecoder",
        arguments: [
            #"{"a":"\u00e9"}"#, #"{"a":1}"#, #"{"a":"b",}"#, #"{"a":"b","a":"c"}"#, #"{"a":"b"} x"#,
            "{\"a\":\"\u{1}\"}",
            #"{"a":"\x"}"#, #"["a"]"#, #"{"a":"b""#, "",
        ])
    func declines(text: String) {
        #expect(FlatJSONObject.strings(Array(text.utf8)) == nil)
    }

    @Test("on random damage to a catalog, whatever the reader reads JSONDecoder reads the same")
    func randomDamage() {
        var random = SeededRandom(seed: 0xCA7A_1065)
        let original = Array(#"{"a": "b \"c\" \\ d", "中文": "e\nf", "g": ""}"#.utf8)
        let inserts = Array(#"{}[]:,"\ ab1u/tn"#.utf8) + [0x0A, 0x01, 0xE4, 0xFF]
        for _ in 0..<5_000 {
            var bytes = original
            for _ in 0..<random.int(1..<4) {
                let at = random.int(0..<bytes.count)
                switch random.int(0..<3) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(random.pick(inserts), at: at)
                default: bytes[at] = random.pick(inserts)
                }
                if bytes.isEmpty { bytes = original }
            }
            guard let read = FlatJSONObject.strings(bytes) else { continue }
            #expect(read == (try? JSONDecoder().decode([String: String].self, from: Data(bytes))), "\(bytes)")
        }
    }
}
