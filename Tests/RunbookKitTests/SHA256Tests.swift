import Foundation
import TestSupport
import Testing

@testable import RunbookKit

@Suite("SHA-256 of shell blocks for the lint cache", .temporaryFiles)
struct SHA256Tests {
    @Test("the standard's examples hash to the standard's digests")
    func standardVectors() {
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("every length around the block boundaries hashes as sha256sum does, whole or fed in pieces")
    func lengthsAgainstSha256sum() throws {
        let directory = try TemporaryDirectory()
        var random = SeededRandom(seed: 256)
        for length in [1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000] {
            let bytes = (0..<length).map { _ in UInt8(random.int(0..<256)) }
            try directory.write("bytes", bytes: bytes)
            let expected = try runProcess("/usr/bin/sha256sum", [directory.path + "/bytes"]).stdout.prefix(64)
            #expect(SHA256.hex(of: bytes) == String(expected), "\(length) bytes")
            var pieces = SHA256()
            pieces.update(bytes.prefix(length / 3))
            pieces.update(bytes.dropFirst(length / 3))
            #expect(pieces.finalizeHex() == String(expected), "\(length) bytes in two pieces")
        }
    }
}
