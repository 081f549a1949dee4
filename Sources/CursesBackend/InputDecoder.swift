import FoundationEssentials
import TerminalFrame

/// Turns what `get_wch` reads into terminal events, recognising bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`),
/// which ncurses does not parse: ncurses hands over the markers as plain characters. Everything between the
/// markers becomes one `.paste`, bounded by `Paste.limit`; none of it is ever read as keys. Pure: time is given,
/// so a marker split across reads, a lone Escape and a paste whose end marker never comes are decided by the
/// caller's clock.
struct InputDecoder {
    /// What one read returned.
    enum Input: Equatable {
        /// A character, as `get_wch` returns it with `OK`.
        case character(UInt32)
        /// A key code, as `get_wch` returns it with `KEY_CODE_YES` (other than `KEY_RESIZE`).
        case functionKey(Int32)
    }

    /// How long the rest of a marker may take after its ESC before the characters read so far count as keys.
    /// A terminal sends a marker in one write, so this only delays a lone Escape key by as much.
    static let markerTimeout = 0.05
    /// How long a paste may go without input before it ends without its end marker. Long enough for a slow link
    /// to stall mid-paste; the guide keeps drawing meanwhile, as the caller sees no event.
    static let pasteIdleTimeout = 2.0

    private static let start: [UInt32] = [27, 91, 50, 48, 48, 126]
    private static let end: [UInt32] = [27, 91, 50, 48, 49, 126]

    private enum State: Equatable {
        /// Reading keys; `matched` holds the beginning of a marker read so far.
        case keys(matched: [UInt32])
        /// Inside a paste; `matched` holds the beginning of the end marker read so far.
        case paste(matched: [UInt32])
    }

    private var state = State.keys(matched: [])
    private var text = String.UnicodeScalarView()
    private var count = 0
    private var truncated = false
    private var lastCarriageReturn = false
    /// When `expire` must be called if nothing is read before then; nil when nothing is held.
    private(set) var deadline: Date?

    /// The events one read makes, in order; none while a marker or a paste is still incomplete.
    mutating func feed(_ input: Input, at now: Date) -> [TerminalEvent] {
        switch state {
        case .keys(let matched):
            guard case .character(let code) = input else {
                return flush(matched) + (KeyDecoder.functionKey(functionCode(input)).map { [.key($0)] } ?? [])
            }
            let next = matched + [code]
            if Self.start.starts(with: next) || Self.end.starts(with: next) {
                if next == Self.start {
                    state = .paste(matched: [])
                    text = String.UnicodeScalarView()
                    count = 0
                    truncated = false
                    lastCarriageReturn = false
                    deadline = now.addingTimeInterval(Self.pasteIdleTimeout)
                } else if next == Self.end {
                    // A stray end marker (its paste already ended on a timeout) is dropped, not typed.
                    state = .keys(matched: [])
                    deadline = nil
                } else {
                    state = .keys(matched: next)
                    deadline = now.addingTimeInterval(Self.markerTimeout)
                }
                return []
            }
            // Not a marker: what was held is keys, and this character starts afresh (it may be an ESC).
            state = .keys(matched: [])
            deadline = nil
            guard !matched.isEmpty else { return flush([code]) }
            return flush(matched) + feed(input, at: now)
        case .paste(let matched):
            deadline = now.addingTimeInterval(Self.pasteIdleTimeout)
            guard case .character(let code) = input else {
                // A key code inside a paste is a sequence the pasted text held (an arrow's escape, say): not text.
                append(matched)
                state = .paste(matched: [])
                return []
            }
            let next = matched + [code]
            if next == Self.end { return finish() }
            if Self.end.starts(with: next) {
                state = .paste(matched: next)
                return []
            }
            append(matched)
            state = .paste(matched: [])
            if code == 27 {
                state = .paste(matched: [code])
            } else {
                append([code])
            }
            return []
        }
    }

    /// The events that are due at `now` with nothing more read: held marker characters become keys, and a paste
    /// whose end marker has not come ends with what arrived.
    mutating func expire(at now: Date) -> [TerminalEvent] {
        guard let deadline, deadline <= now else { return [] }
        switch state {
        case .keys(let matched):
            state = .keys(matched: [])
            self.deadline = nil
            return flush(matched)
        case .paste(let matched):
            append(matched)
            return finish()
        }
    }

    private func functionCode(_ input: Input) -> Int32 {
        if case .functionKey(let code) = input { return code }
        return 0
    }

    /// Held characters that turned out not to be a marker, as the keys they are.
    private func flush(_ held: [UInt32]) -> [TerminalEvent] {
        held.compactMap { KeyDecoder.character($0).map { .key($0) } }
    }

    /// Adds pasted characters, a carriage return (and the line feed after it) as one line break, up to the limit.
    private mutating func append(_ codes: [UInt32]) {
        for code in codes {
            let afterReturn = lastCarriageReturn
            lastCarriageReturn = code == 13
            if code == 10 && afterReturn { continue }
            guard count < Paste.limit else {
                truncated = true
                continue
            }
            guard let scalar = Unicode.Scalar(code == 13 ? 10 : code) else { continue }
            text.append(scalar)
            count += 1
        }
    }

    private mutating func finish() -> [TerminalEvent] {
        let paste = Paste(String(text), truncated: truncated)
        state = .keys(matched: [])
        text = String.UnicodeScalarView()
        count = 0
        truncated = false
        lastCarriageReturn = false
        deadline = nil
        return [.paste(paste)]
    }
}
