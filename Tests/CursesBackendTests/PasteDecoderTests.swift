import CNcursesw
import Foundation
import TerminalFrame
import Testing

@testable import CursesBackend

/// Bracketed paste as the backend reads it: `ESC [ 200 ~` … `ESC [ 201 ~` arrive from curses as plain characters,
/// and everything between them is one paste, never keys.
@Suite("Pastes read from the terminal")
struct PasteDecoderTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    func codes(_ text: String) -> [InputDecoder.Input] {
        text.unicodeScalars.map { .character($0.value) }
    }

    /// Feeds every input at `time`, collecting the events.
    func feed(_ decoder: inout InputDecoder, _ inputs: [InputDecoder.Input], at time: Date) -> [TerminalEvent] {
        inputs.flatMap { decoder.feed($0, at: time) }
    }

    @Test("three pasted lines arrive as one paste with line breaks, and nothing of it as keys")
    func threeLines() {
        var decoder = InputDecoder()
        let events = feed(&decoder, codes("\u{1B}[200~NAME  READY\rapi-1  1/1\r\nq\re\u{1B}[201~j"), at: start)
        #expect(events == [.paste(Paste("NAME  READY\napi-1  1/1\nq\ne")), .key(.character("j"))])
        #expect(decoder.deadline == nil)
    }

    @Test("markers split across reads are still markers")
    func splitAcrossReads() {
        var decoder = InputDecoder()
        #expect(feed(&decoder, codes("\u{1B}[2"), at: start).isEmpty)
        #expect(decoder.expire(at: start.addingTimeInterval(0.01)).isEmpty)
        #expect(feed(&decoder, codes("00~ab\u{1B}[20"), at: start.addingTimeInterval(0.02)).isEmpty)
        let events = feed(&decoder, codes("1~"), at: start.addingTimeInterval(0.5))
        #expect(events == [.paste(Paste("ab"))])
    }

    @Test("a lone Escape, and Escape before other keys, are keys once the marker cannot follow")
    func loneEscape() {
        var decoder = InputDecoder()
        #expect(decoder.feed(.character(27), at: start).isEmpty)
        #expect(decoder.expire(at: start.addingTimeInterval(InputDecoder.markerTimeout)) == [.key(.escape)])
        #expect(
            feed(&decoder, codes("\u{1B}[2x"), at: start) == [
                .key(.escape), .key(.character("[")), .key(.character("2")), .key(.character("x")),
            ])
        #expect(feed(&decoder, codes("\u{1B}\u{1B}"), at: start) == [.key(.escape)])
        #expect(decoder.feed(.functionKey(KEY_UP), at: start) == [.key(.escape), .key(.up)])
    }

    @Test("a paste whose end marker never arrives ends after the idle timeout, and what follows is keys")
    func missingEndMarker() {
        var decoder = InputDecoder()
        #expect(feed(&decoder, codes("\u{1B}[200~rm -rf /\r"), at: start).isEmpty)
        #expect(decoder.expire(at: start.addingTimeInterval(InputDecoder.pasteIdleTimeout / 2)).isEmpty)
        let ended = decoder.expire(at: start.addingTimeInterval(InputDecoder.pasteIdleTimeout))
        #expect(ended == [.paste(Paste("rm -rf /\n"))])
        #expect(decoder.feed(.character(113), at: start.addingTimeInterval(3)) == [.key(.character("q"))])
        // Its end marker arriving late is dropped, not typed.
        #expect(feed(&decoder, codes("\u{1B}[201~"), at: start.addingTimeInterval(4)).isEmpty)
        #expect(decoder.deadline == nil)
    }

    @Test("a huge paste is cut at the limit and says so; the rest is dropped, never keys")
    func hugePaste() {
        var decoder = InputDecoder()
        var events = feed(&decoder, codes("\u{1B}[200~"), at: start)
        for _ in 0..<(Paste.limit * 3) { events += decoder.feed(.character(0x7E6A), at: start) }
        events += feed(&decoder, codes("\rq\u{1B}[201~"), at: start)
        #expect(events.count == 1)
        guard case .paste(let paste)? = events.first else {
            Issue.record("no paste: \(events)")
            return
        }
        #expect(paste.truncated)
        #expect(paste.text.unicodeScalars.count == Paste.limit)
        #expect(paste.text.unicodeScalars.allSatisfy { $0 == "繪" })
    }

    @Test("sequences and controls inside a paste stay in its text, and an arrow key code is dropped")
    func sequencesInsidePaste() {
        var decoder = InputDecoder()
        var events = feed(&decoder, codes("\u{1B}[200~a\u{1B}[31mb\u{1B}[20c\u{3}"), at: start)
        events += decoder.feed(.functionKey(KEY_UP), at: start)
        events += feed(&decoder, codes("d\u{1B}[201~"), at: start)
        #expect(events == [.paste(Paste("a\u{1B}[31mb\u{1B}[20c\u{3}d"))])
    }
}
