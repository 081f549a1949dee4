import FoundationEssentials
import Glibc
import RunbookKit

/// One rule of the redactor: what it looks for, and which part of a match is the secret it masks.
struct RedactionRule: Sendable {
    /// A short name for the rule, as docs/journal-format.md lists it.
    let id: String
    /// What the rule redacts, in one sentence.
    let description: String
    /// Lower-case strings of which a text must hold at least one for the rule to be tried on it: a cheap
    /// prefilter, so that most texts meet few regular expressions.
    let keywords: [String]
    /// The regular expression (ICU syntax, as `NSRegularExpression` reads it, within what `ScalarPattern` reads)
    /// that finds the secret.
    let pattern: String
    /// The capture group that is the secret; it alone is replaced, the rest of the match stays.
    var secretGroup = 1
}

/// Removes values that look like secrets from text before it reaches the journal. Pure: text in, text out.
///
/// Private key blocks are removed across lines by `PrivateKeyBlockFilter`; every other rule (`rules`, data in
/// RedactionRules.swift) replaces only the secret, keeping what is around it (header name, key name, URL user and
/// host, token prefix) so the record stays readable. Redacting twice changes nothing.
public enum Redactor {
    /// What stands in place of a removed secret.
    public static let marker = "[REDACTED]"

    private static let compiled: [(rule: RedactionRule, keywords: [[UInt8]], expression: ScalarPattern)] =
        rules.map { rule in
            // The rules are constants checked by the tests; one that did not compile is a programming error.
            (rule, rule.keywords.map { Array($0.utf8) }, try! ScalarPattern(rule.pattern))
        }

    /// The text with every secret the rules recognise replaced by `marker`, private key blocks across lines.
    public static func redact(_ text: String) -> String {
        var result = text
        if PrivateKeyBlockFilter.mayHoldMarker(text) {
            var keys = PrivateKeyBlockFilter()
            result = text.split(separator: "\n", omittingEmptySubsequences: false)
                .compactMap { keys.filter(String($0)) }
                .joined(separator: "\n")
        }
        // Each rule runs once over the whole text, not once per line: a regular expression costs as much to set up
        // as to scan a short line, and output has many short lines.
        var lowered = result.lowercased()
        for (rule, keywords, expression) in compiled
        where lowered.withUTF8({ text in keywords.contains { holds($0, in: text) } }) {
            let scalars = result.unicodeScalars.map(\.value)
            let matches = expression.matches(in: scalars)
            guard !matches.isEmpty else { continue }
            var replaced: [UInt8] = []
            replaced.reserveCapacity(result.utf8.count + matches.count * marker.utf8.count)
            var kept = 0
            for match in matches {
                guard let secret = match.groups[rule.secretGroup - 1] else { continue }
                appendUTF8(scalars[kept..<secret.lowerBound], to: &replaced)
                replaced.append(contentsOf: marker.utf8)
                kept = secret.upperBound
            }
            appendUTF8(scalars[kept...], to: &replaced)
            result = String(decoding: replaced, as: UTF8.self)
            lowered = result.lowercased()
        }
        return result
    }

    /// Appends the UTF-8 of scalar values taken from a valid string.
    static func appendUTF8(_ values: ArraySlice<UInt32>, to bytes: inout [UInt8]) {
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            UTF8.encode(scalar) { bytes.append($0) }
        }
    }

    /// Whether `text` holds `keyword`, compared as UTF-8 bytes: `memchr` finds each candidate first byte and
    /// `memcmp` the rest; in valid UTF-8 a byte match is a match of whole scalars. Each text written to a journal
    /// is checked for some forty keywords, and Foundation's `contains` took about 23,000 instructions a check.
    static func holds(_ keyword: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = keyword.first else { return true }
        guard let base = text.baseAddress, text.count >= keyword.count else { return false }
        let lastStart = text.count - keyword.count
        var start = 0
        while start <= lastStart, let found = memchr(base + start, Int32(first), lastStart - start + 1) {
            let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, keyword, keyword.count) == 0 { return true }
            start = offset + 1
        }
        return false
    }

    /// The event kind with its free text redacted: command lines, output excerpts, placeholder values, notes,
    /// feedback, reasons, escalation targets.
    public static func redact(_ kind: EventKind) -> EventKind {
        switch kind {
        case .note(let text, let pinned, let commander):
            return .note(text: redact(text), pinned: pinned, commander: commander)
        case .commandCopied(let command, let step):
            return .commandCopied(command: redact(command), step: step)
        case .commandRan(var run):
            run.command = redact(run.command)
            run.outputExcerpt = redact(run.outputExcerpt)
            run.placeholders = redactValues(run.placeholders)
            return .commandRan(run)
        case .alertResolved:
            return kind
        case .stepSkipped(let step, let reason):
            return .stepSkipped(step, reason: redact(reason))
        case .runbookFeedback(let runbook, let step, let text):
            return .runbookFeedback(runbook: runbook, step: step, text: redact(text))
        case .escalated(let to):
            return .escalated(to: redact(to))
        case .alertAttached(var alert):
            // Annotations are free text written by whoever wrote the rule, and links may carry tokens.
            alert.labels = redactValues(alert.labels)
            alert.annotations = redactValues(alert.annotations)
            alert.generatorURL = alert.generatorURL.map(redact)
            return .alertAttached(alert)
        case .incidentOpened, .runbookSwitched, .stepDone, .checklistChecked, .checklistUnchecked, .statusChanged,
            .severityChanged, .roleAssigned, .milestone, .pinChanged, .noteAcknowledged,
            .exportWritten, .incidentClosed, .reopened:
            return kind
        }
    }

    /// Named values with every value redacted, and the value of a name that says it is a credential replaced whole.
    private static func redactValues(_ values: [String: String]) -> [String: String] {
        values.reduce(into: [:]) { redacted, entry in
            redacted[entry.key] = looksSecret(name: entry.key) ? marker : redact(entry.value)
        }
    }

    /// Whether a placeholder's name says its value is a credential: it contains `password`, `passwd`,
    /// `passphrase`, `secret`, `token`, `apikey`, `api_key`, `api-key` or `credential`, or one of its words
    /// (split at anything but a letter or digit) is `pass`, `pw` or `pwd` (`db-pass`, `admin_pw`).
    public static func looksSecret(name: String) -> Bool {
        let lowered = name.lowercased()
        let words = lowered.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return ["password", "passwd", "passphrase", "secret", "token", "apikey", "api_key", "api-key", "credential"]
            .contains { lowered.contains($0) }
            || words.contains { ["pass", "pw", "pwd"].contains($0) }
    }
}

/// Removes private key blocks from text seen a line at a time, however the text was cut into pieces: the line
/// with `-----BEGIN … PRIVATE KEY-----` keeps its marker followed by `[REDACTED]`, every line after it is
/// dropped, and the line with the matching `-----END … PRIVATE KEY-----` keeps the END marker and what follows
/// it. A block begun and ended on one line (a key in a JSON string, with `\n` escapes) keeps both markers around
/// `[REDACTED]`. A block whose END never comes drops every line to the end.
public struct PrivateKeyBlockFilter: Sendable, Hashable {
    /// Whether a BEGIN line was seen and its END line not yet.
    public private(set) var insideBlock = false

    /// The BEGIN and END markers, as ICU's regular expressions read them (the tests hold the matcher to them).
    static let markerPattern = #"-----(BEGIN|END) [A-Z0-9 ]{0,64}PRIVATE KEY-----"#
    private static let markers = try! ScalarPattern(markerPattern)

    /// A filter outside any block.
    public init() {}

    /// Whether `text` holds `PRIVATE KEY-----`, which every marker ends with, compared as bytes.
    static func mayHoldMarker(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { Redactor.holds(markerEnd, in: $0) }
    }

    private static let markerEnd = Array("PRIVATE KEY-----".utf8)

    /// The line as the record may keep it, or nil when it is inside a private key block and dropped whole.
    public mutating func filter(_ line: String) -> String? {
        // The cheap test first: almost no line holds a marker.
        guard Self.mayHoldMarker(line) else { return insideBlock ? nil : line }
        let text = line.unicodeScalars.map(\.value)
        // Every marker of the line in one pass, then walked in order: linear however many markers a line has.
        let found = Self.markers.matches(in: text)
        var kept: [UInt8] = []
        var keptAnything = !insideBlock
        var location = 0
        for marker in found {
            // Group 1 is BEGIN or END, told apart by its first letter.
            let isBegin = marker.groups[0].map { text[$0.lowerBound] } == 0x42
            if isBegin, !insideBlock {
                Redactor.appendUTF8(text[location..<marker.range.upperBound], to: &kept)
                kept.append(contentsOf: Redactor.marker.utf8)
                insideBlock = true
            } else if !isBegin, insideBlock {
                Redactor.appendUTF8(text[marker.range], to: &kept)
                insideBlock = false
            } else {
                continue
            }
            keptAnything = true
            location = marker.range.upperBound
        }
        if !insideBlock { Redactor.appendUTF8(text[location...], to: &kept) }
        return keptAnything ? String(decoding: kept, as: UTF8.self) : nil
    }
}
