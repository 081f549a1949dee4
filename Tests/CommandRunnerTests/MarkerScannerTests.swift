import Foundation
import TestSupport
import Testing

@testable import CommandRunner

/// Telling the shell's markers from the output around them, however the bytes are cut into chunks.
@Suite("Marker scanner")
struct MarkerScannerTests {
    private static let tag = MarkerTag(digits: "0123456789abcdef")
    private static let frame = "\u{1E}0123456789abcdef"

    /// The pieces of `text` fed in chunks of `size` bytes, with neighbouring output joined.
    private static func pieces(_ text: String, chunk size: Int) -> [OutputPiece] {
        var scanner = MarkerScanner(tag: tag)
        let bytes = Array(text.utf8)
        var pieces: [OutputPiece] = []
        var index = 0
        while index < bytes.count {
            pieces += scanner.scan(bytes[index..<min(bytes.count, index + size)])
            index += size
        }
        pieces += scanner.finish()
        var joined: [OutputPiece] = []
        for piece in pieces {
            if case .output(let more) = piece, case .output(let before)? = joined.last {
                joined[joined.count - 1] = .output(before + more)
            } else {
                joined.append(piece)
            }
        }
        return joined
    }

    @Test("markers are found whole wherever the chunks are cut")
    func anyChunking() {
        let stream = "a\u{1E}b\(Self.frame)+echo 診斷\(Self.frame)out\n\(Self.frame)!3\(Self.frame)\u{1E}"
        let expected: [OutputPiece] = [
            .output(Array("a\u{1E}b".utf8)), .command("echo 診斷"), .output(Array("out\n".utf8)), .failure(3),
            .output([0x1E]),
        ]
        for size in 1...stream.utf8.count {
            #expect(Self.pieces(stream, chunk: size) == expected, "chunks of \(size)")
        }
    }

    @Test("a frame with another tag, or cut short at the end, is output")
    func foreignTags() {
        let foreign = "\u{1E}ffffffffffffffff!1\u{1E}ffffffffffffffff"
        #expect(Self.pieces(foreign, chunk: 7) == [.output(Array(foreign.utf8))])
        #expect(Self.pieces("x\u{1E}01234", chunk: 3) == [.output(Array("x\u{1E}01234".utf8))])
    }

    @Test("a failure marker carries a status of 1 to 255; anything else is dropped")
    func failureStatus() {
        #expect(Self.pieces("\(Self.frame)!255\(Self.frame)", chunk: 4) == [.failure(255)])
        for bad in ["0", "256", "-1", "", "1x", "99999999999"] {
            #expect(Self.pieces("\(Self.frame)!\(bad)\(Self.frame)", chunk: 5) == [], "\(bad)")
        }
    }

    @Test("a marker's text is bounded, and one cut short by the shell's end keeps what came")
    func boundedMarker() {
        let long = String(repeating: "x", count: MarkerScanner.markerLimit * 3)
        let pieces = Self.pieces("\(Self.frame)+\(long)\(Self.frame)after", chunk: 1000)
        let kept = String(repeating: "x", count: MarkerScanner.markerLimit) + "…"
        #expect(pieces == [.command(kept), .output(Array("after".utf8))])
        #expect(Self.pieces("\(Self.frame)+sleep 3", chunk: 2) == [.command("sleep 3")])
    }

    @Test("bash writes the markers the scanner reads, whatever digits the run's tag has")
    func tagsThroughBash() throws {
        for digits in ["0000000000000000", "7123456789abcdef", "ffffffffffffffff", "1"] {
            let tag = MarkerTag(digits: digits)
            let request = CommandRequest(commandLine: "echo hi\nfalse", incidentDirectory: "/", environment: [:])
            let invocation = ShellInvocation(request, tag: tag)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("markers-\(digits)").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let quoted = invocation.arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            let script = "exec >'\(path)' 2>&1; exec " + quoted.joined(separator: " ")
            _ = try runProcess("/bin/bash", ["-c", script], environment: [:])
            var scanner = MarkerScanner(tag: tag)
            let bytes = try #require(FileManager.default.contents(atPath: path))
            let pieces = scanner.scan(Array(bytes)) + scanner.finish()
            #expect(
                pieces == [
                    .command("echo hi"), .output(Array("hi\n".utf8)), .command("false"), .command("false"),
                    .failure(1),
                ], "tag \(digits)")
        }
    }
}
