import FoundationEssentials
import Glibc

/// What the catalog needs of a runbook in a library without an index, read cheaply from the start of its file:
/// the front matter, the `# H1` and the first paragraph. The full parse waits until the runbook is opened.
struct RunbookHeader: Sendable {
    /// The front matter, empty when there is none or it does not parse (lint and opening the runbook say why).
    var frontMatter = FrontMatter()
    /// The first `# ` heading's text.
    var heading: String?
    /// The first paragraph's text, markdown marks dropped.
    var firstParagraph: String?
    /// Where the file says its runbook moved, when it is only a pointer.
    var movedTo: String?

    /// How many bytes of a file are read for its header; a file whose front matter runs past them is read again
    /// up to the front matter's limit.
    static let readSize = 4 << 10

    /// The title the catalog shows: the front matter's, else the H1 without a `Runbook:` prefix, else `id`.
    func title(id: String) -> String {
        if let title = frontMatter.title { return title }
        guard let heading, !heading.isEmpty else { return id }
        return heading
    }

    /// Reads the header of the file at `path`; an unreadable file gives an empty header (opening it says why).
    static func read(path: String) -> RunbookHeader {
        guard var prefix = readPrefix(path, count: readSize) else { return RunbookHeader() }
        // The block found here is handed on, so that the front matter's lines are looked for once.
        var block = FrontMatterReader.delimitedBlock(prefix.text)
        if block == nil, prefix.count == readSize, prefix.text.hasPrefix("---") || prefix.text.hasPrefix("+++") {
            prefix = readPrefix(path, count: FrontMatterReader.maximumSize * 2) ?? prefix
            block = FrontMatterReader.delimitedBlock(prefix.text)
        }
        return parse(prefix.text, block: block)
    }

    /// The header of a file's first bytes.
    static func parse(_ text: String) -> RunbookHeader {
        parse(text, block: FrontMatterReader.delimitedBlock(text))
    }

    /// The header of a file's first bytes, whose front matter block (if any) is `block`.
    private static func parse(_ text: String, block: FrontMatterReader.DelimitedBlock?) -> RunbookHeader {
        var header = RunbookHeader()
        var body = Substring(text)
        if let block {
            if case .success(let frontMatter) = FrontMatterReader.parse(block) { header.frontMatter = frontMatter }
            body = text[block.end...]
        }
        var paragraph: [Substring] = []
        /// Whether the paragraph read so far is the one to keep, which it then keeps in `header`; a metadata line
        /// (`**Severity:** Critical`) is not. Its text is made once, as this runs for every file of a library.
        func isKept() -> Bool {
            guard !paragraph.isEmpty else { return false }
            let text = paragraph.joined(separator: " ")
            let plainText = plain(text)
            if hasColon(plainText), let (label, _) = LabelledValue.split(plainText),
                LabelledValue.matches(label, metadataLabels)
            {
                paragraph = []
                return false
            }
            header.movedTo = MovedStub.destination(ofLine: text)
            header.firstParagraph = plainText
            return true
        }
        var inFence: Substring?
        // Line by line as far as the paragraph, not split whole: most of the bytes read are never looked at.
        var rest = body
        while !rest.isEmpty {
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let rawLine = rest[..<end]
            rest = end < rest.endIndex ? rest[rest.utf8.index(after: end)...] : rest[rest.endIndex...]
            let line = rawLine.trimmingCharacters(in: TrimmedScalars.whitespace)
            // A line opens with a prefix only if its first byte is the prefix's: most lines start with a letter,
            // and are answered without comparing characters.
            let lead = line.utf8.first
            func opens(_ prefix: String) -> Bool {
                lead == prefix.utf8.first && line.hasPrefix(prefix)
            }
            if let fence = inFence {
                if lead == fence.utf8.first, line.hasPrefix(fence) { inFence = nil }
                continue
            }
            if opens("```") || opens("~~~") {
                inFence = line.prefix(3)
                if isKept() { break }
                continue
            }
            if line.isEmpty || opens("#") || opens("<") || opens("|") {
                if isKept() { break }
                if header.heading == nil, opens("# ") {
                    header.heading = HeadingText.clean(
                        plain(String(line.dropFirst(2).trimmingCharacters(in: ["#", " "]))))
                }
                continue
            }
            if paragraph.isEmpty, opens("- ") || opens("* ") || opens(">") {
                // A list or a quote before any paragraph: a moved stub is often a quote.
                if opens(">") {
                    paragraph.append(line.drop { $0 == ">" || $0 == " " })
                }
                continue
            }
            paragraph.append(line)
        }
        // The loop stops at a kept paragraph, which is then in `header` already; one the file ends in is not.
        if header.firstParagraph == nil { _ = isKept() }
        return header
    }

    /// The labels of a paragraph that is metadata rather than the runbook's first paragraph.
    private static let metadataLabels = LabelledValue.severityLabels + ["alert expression", "alert"]

    /// Whether `text` has an ASCII or a full-width colon, without which it has no label to split off.
    private static func hasColon(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            ByteSearch.firstOffset(of: UInt8(ascii: ":"), in: bytes) != nil
                || ByteSearch.firstOffset(of: 0xBC, in: bytes) != nil
        }
    }

    /// Markdown text without its marks: `[text](url)` and `[text][label]` as text, no backticks or stars. Over
    /// the UTF-8 bytes, as it runs for every file of a library: every mark is ASCII.
    static func plain(_ markdown: String) -> String {
        var kept: [UInt8] = []
        kept.reserveCapacity(markdown.utf8.count)
        // The byte that ends a link's destination or reference label, while one is being left out.
        var skippingUntil: UInt8?
        var previous: UInt8 = 0
        for byte in markdown.utf8 {
            if let end = skippingUntil {
                if byte == end { skippingUntil = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "(") where previous == UInt8(ascii: "]"):
                skippingUntil = UInt8(ascii: ")")
            case UInt8(ascii: "[") where previous == UInt8(ascii: "]"):
                skippingUntil = UInt8(ascii: "]")
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "`"), UInt8(ascii: "*"):
                break
            default:
                kept.append(byte)
            }
            previous = byte
        }
        return String(decoding: kept, as: UTF8.self).trimmed
    }

    /// Up to `count` bytes from the start of a regular file, decoded as UTF-8, and how many bytes were read;
    /// nil when it cannot be opened as one. Read straight into the string's storage: one allocation a file.
    private static func readPrefix(_ path: String, count: Int) -> (text: String, count: Int)? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let capacity = min(count, max(Int(info.st_size), 0))
        var filled = 0
        let text = String(unsafeUninitializedCapacity: capacity) { buffer in
            while filled < capacity {
                let read = Glibc.read(descriptor, buffer.baseAddress! + filled, capacity - filled)
                if read < 0, errno == EINTR { continue }
                if read <= 0 { break }
                filled += read
            }
            return filled
        }
        return (text, filled)
    }
}
