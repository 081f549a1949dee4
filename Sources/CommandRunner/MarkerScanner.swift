import FoundationEssentials
import Glibc

/// One piece of what a block writes: its own output, or a marker the shell's traps wrote between its commands.
enum OutputPiece: Hashable, Sendable {
    /// Bytes the commands wrote.
    case output([UInt8])
    /// The command about to run, as the block writes it (a `DEBUG` trap's marker).
    case command(String)
    /// The status of a command that failed (an `ERR` trap's marker), 1 to 255.
    case failure(Int32)
}

/// Separates the markers `ShellInvocation`'s traps write from the output around them, in bytes that arrive in
/// arbitrary chunks. A marker is `tag`, a kind (`+` or `!`), its text and `tag` again; bytes that do not start
/// with the whole tag are output, so output can only make a marker by knowing the run's random tag. Memory is
/// bounded: at most `markerLimit` bytes of a marker's text are kept, and at most the tag's length of output is
/// held back at the end of a chunk (where it might be the start of a tag).
struct MarkerScanner {
    /// The most bytes of one marker's text kept; a longer one (a huge here-document) ends in `…`.
    static let markerLimit = 4096

    private let tag: [UInt8]
    /// Bytes held back from the end of the last chunk because they may be the start of a tag.
    private var held: [UInt8] = []
    /// The text of the marker being read, when one is.
    private var marker: [UInt8]?
    /// Whether the marker being read was longer than `markerLimit`.
    private var markerCut = false

    /// A scanner for the markers of one run.
    init(tag: MarkerTag) {
        self.tag = tag.bytes
    }

    /// The pieces in `bytes`, after whatever was held back from the chunk before.
    mutating func scan(_ bytes: some Collection<UInt8>) -> [OutputPiece] {
        let input = held + Array(bytes)
        held = []
        var pieces: [OutputPiece] = []
        var index = 0
        var outputStart = 0
        while index < input.count {
            guard let start = Self.index(of: tag[0], in: input, from: index) else {
                if marker != nil { keep(input[index...]) }
                index = input.count
                break
            }
            if marker != nil { keep(input[index..<start]) }
            let available = min(tag.count, input.count - start)
            guard input[start..<(start + available)].elementsEqual(tag[..<available]) else {
                if marker != nil { keep(input[start...start]) }
                index = start + 1
                continue
            }
            if available < tag.count {
                // A tag may be cut by the end of the chunk: hold its start back until the rest arrives.
                if marker == nil, outputStart < start { pieces.append(.output(Array(input[outputStart..<start]))) }
                held = Array(input[start...])
                outputStart = input.count
                index = input.count
                break
            }
            if marker == nil {
                if outputStart < start { pieces.append(.output(Array(input[outputStart..<start]))) }
                marker = []
                markerCut = false
            } else {
                pieces += endMarker()
                outputStart = start + tag.count
            }
            index = start + tag.count
        }
        if marker == nil, outputStart < input.count { pieces.append(.output(Array(input[outputStart...]))) }
        return pieces
    }

    /// What is left at the end of the output: held-back bytes as output, or a marker cut short by the shell's
    /// end, as far as it came.
    mutating func finish() -> [OutputPiece] {
        defer { held = [] }
        if marker != nil {
            keep(held[...])
            return endMarker()
        }
        return held.isEmpty ? [] : [.output(held)]
    }

    private mutating func keep(_ bytes: ArraySlice<UInt8>) {
        guard var text = marker else { return }
        marker = nil
        let room = Self.markerLimit + 1 - text.count
        if bytes.count > room { markerCut = true }
        text.append(contentsOf: bytes.prefix(max(0, room)))
        marker = text
    }

    private mutating func endMarker() -> [OutputPiece] {
        guard let text = marker, let kind = text.first else {
            marker = nil
            return []
        }
        marker = nil
        let body = text.dropFirst()
        switch kind {
        case UInt8(ascii: "+"):
            return [.command(String(decoding: body, as: UTF8.self) + (markerCut ? "…" : ""))]
        case UInt8(ascii: "!"):
            guard body.count <= 3, let status = Int32(String(decoding: body, as: UTF8.self)),
                (1...255).contains(status)
            else { return [] }
            return [.failure(status)]
        default:
            return []
        }
    }

    /// The index of the first `byte` at or after `start`, found with `memchr`.
    private static func index(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, start < buffer.count else { return nil }
            guard let found = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}
