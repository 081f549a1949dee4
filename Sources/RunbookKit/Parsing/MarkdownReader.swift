import CCmarkGFM
import FoundationEssentials
import Glibc

/// A top-level markdown block and the line where it starts, as the reader hands it to its visitor.
struct LocatedBlock: Sendable {
    /// The converted block.
    var block: Block
    /// The 1-based line where the block starts.
    var line: Int
}

/// Reads markdown with cmark-gfm (tables and task lists attached) into the shared `Block` model.
///
/// cmark owns the markdown grammar; this type only converts its tree, frees it, and reports the code-fence
/// mistakes that silently swallow the rest of a file (an unclosed fence, a fence written inside another).
enum MarkdownReader {
    /// How deep blocks and inlines may nest before the rest is flattened to text; keeps hostile input
    /// (thousands of nested quotes) from exhausting the stack.
    static let maximumDepth = 48

    /// Parses `text` and hands its top-level blocks to `visit` one at a time, each converted only when its turn
    /// comes (an index of thousands of rows is never held as Swift values and cmark's tree at once); returns the
    /// fence diagnostics, located in `file`, and every link and image with its line.
    ///
    /// `visit` also gets the block's child lines on request: for a list, the start line of each item; for a
    /// table, of each body row. Read from cmark's tree, so only while the block is visited, and only by a
    /// visitor that reports them.
    static func read(_ text: String, file: String, visit: (LocatedBlock, _ childLines: () -> [Int]) -> Void)
        -> (diagnostics: [Diagnostic], links: [LinkReference])
    {
        _ = extensionsRegistered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return ([], []) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "tasklist"] {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var source = text
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return ([], []) }
        defer { cmark_node_free(document) }

        var converter = Converter(file: file, sourceLines: SourceLines(text))
        var node = cmark_node_first_child(document)
        while let current = node {
            if let block = converter.block(current, depth: 0) {
                visit(LocatedBlock(block: block, line: Int(cmark_node_get_start_line(current)))) {
                    converter.childLines(of: current)
                }
            }
            node = cmark_node_next(current)
        }
        return (converter.diagnostics, converter.links.references)
    }

    /// Registering the core extensions mutates a process-wide registry; a lazily initialised static runs it
    /// exactly once even when tests parse on several threads.
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()
}

/// The source's UTF-8 bytes split into lines on demand, for checking how a fence ends. Bytes rather than
/// characters: the fence characters are ASCII, and grapheme breaking over a whole CJK file is costly.
private struct SourceLines {
    private let text: String
    private var bytes: [UInt8] = []
    private var lineStarts: [Int]?

    init(_ text: String) {
        self.text = text
    }

    /// The bytes of 1-based line `number`, without its newline; nil past the end.
    mutating func line(_ number: Int) -> ArraySlice<UInt8>? {
        if lineStarts == nil {
            bytes = Array(text.utf8)
            var starts = [0]
            let hasCarriageReturn = bytes.withUnsafeBufferPointer { buffer in
                var offset = 0
                while let newline = ByteSearch.firstOffset(of: UInt8(ascii: "\n"), in: buffer, from: offset) {
                    offset = newline + 1
                    starts.append(offset)
                }
                return ByteSearch.firstOffset(of: UInt8(ascii: "\r"), in: buffer) != nil
            }
            // cmark numbers lines ending in a lone CR too; the rare file with one is split the same way, so that a
            // fence's end line is the line cmark means.
            if hasCarriageReturn {
                starts = [0]
                let (newline, carriageReturn) = (UInt8(ascii: "\n"), UInt8(ascii: "\r"))
                for (offset, byte) in bytes.enumerated()
                where byte == newline
                    || (byte == carriageReturn && (offset + 1 == bytes.count || bytes[offset + 1] != newline))
                {
                    starts.append(offset + 1)
                }
            }
            lineStarts = starts
        }
        guard let lineStarts, number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<end]
    }
}

/// The links met while converting, in reading order; a reference so that the inline conversion can add to it.
private final class LinkCollector {
    var references: [LinkReference] = []
}

private struct Converter {
    let file: String
    var sourceLines: SourceLines
    var diagnostics: [Diagnostic] = []
    let links = LinkCollector()

    init(file: String, sourceLines: SourceLines) {
        self.file = file
        self.sourceLines = sourceLines
    }

    func childLines(of node: OpaquePointer) -> [Int] {
        let isTable = isType(node, "table")
        var lines: [Int] = []
        if cmark_node_get_type(node) == CMARK_NODE_LIST || isTable {
            var child = cmark_node_first_child(node)
            while let current = child {
                if !isTable || cmark_gfm_extensions_get_table_row_is_header(current) == 0 {
                    lines.append(Int(cmark_node_get_start_line(current)))
                }
                child = cmark_node_next(current)
            }
        }
        return lines
    }

    mutating func block(_ node: OpaquePointer, depth: Int) -> Block? {
        if depth > MarkdownReader.maximumDepth {
            return .paragraph([.text(plainText(node))])
        }
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(ofChildrenOf: node, depth: depth))
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(ofChildrenOf: node, depth: depth))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            var items: [ListItem] = []
            items.reserveCapacity(Self.childCount(node))
            var child = cmark_node_first_child(node)
            while let item = child {
                let checked: Bool? =
                    isType(item, "tasklist")
                    ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil
                items.append(ListItem(blocks: blocks(ofChildrenOf: item, depth: depth + 1), checked: checked))
                child = cmark_node_next(item)
            }
            return .list(ordered: ordered, start: Int(cmark_node_get_list_start(node)), items: items)
        case CMARK_NODE_CODE_BLOCK:
            return .code(codeBlock(node))
        case CMARK_NODE_BLOCK_QUOTE:
            return .quote(blocks(ofChildrenOf: node, depth: depth + 1))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        case CMARK_NODE_HTML_BLOCK:
            return .html(literal(node))
        default:
            if isType(node, "table") {
                return table(node, depth: depth)
            }
            let children = blocks(ofChildrenOf: node, depth: depth + 1)
            return children.isEmpty ? nil : .quote(children)
        }
    }

    private mutating func blocks(ofChildrenOf node: OpaquePointer, depth: Int) -> [Block] {
        var result: [Block] = []
        result.reserveCapacity(Self.childCount(node))
        var child = cmark_node_first_child(node)
        while let current = child {
            if let block = block(current, depth: depth) {
                result.append(block)
            }
            child = cmark_node_next(current)
        }
        return result
    }

    private func table(_ node: OpaquePointer, depth: Int) -> Block {
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        var row = cmark_node_first_child(node)
        while let currentRow = row {
            var cells: [[Inline]] = []
            cells.reserveCapacity(Self.childCount(currentRow))
            var cell = cmark_node_first_child(currentRow)
            while let currentCell = cell {
                cells.append(inlines(ofChildrenOf: currentCell, depth: depth))
                cell = cmark_node_next(currentCell)
            }
            if cmark_gfm_extensions_get_table_row_is_header(currentRow) != 0 {
                header = cells
            } else {
                rows.append(cells)
            }
            row = cmark_node_next(currentRow)
        }
        return .table(header: header, rows: rows)
    }

    private mutating func codeBlock(_ node: OpaquePointer) -> CodeBlock {
        let (language, info) = Self.infoWords(cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "")
        let code = literal(node)
        let startLine = Int(cmark_node_get_start_line(node))
        var fenceLength: Int32 = 0
        var fenceOffset: Int32 = 0
        var fenceCharacter: CChar = 0
        if cmark_node_get_fenced(node, &fenceLength, &fenceOffset, &fenceCharacter) != 0, fenceLength > 0 {
            checkFence(
                fence: UInt8(bitPattern: fenceCharacter), length: Int(fenceLength), code: code,
                startLine: startLine, endLine: Int(cmark_node_get_end_line(node)))
        }
        return CodeBlock(
            language: language, code: code, location: SourceLocation(file: file, line: startLine), info: info
        )
    }

    /// A fence's info string as (its first word, its words joined by single spaces).
    private static func infoWords(_ info: String) -> (language: String, info: String) {
        // Nearly every fence names one ASCII word (`bash`), which is both answers as it stands.
        if info.utf8.allSatisfy({ $0 > UInt8(ascii: " ") && $0 < 0x80 }) {
            return (info, info)
        }
        // Split over scalars: `Character.isWhitespace` on every letter of every fence of a large library is a
        // measurable share of parsing it.
        let words = info.unicodeScalars.split { $0 == " " || $0 == "\t" || (!$0.isASCII && $0.properties.isWhitespace) }
            .map { String(String.UnicodeScalarView($0)) }
        return (words.first ?? "", words.joined(separator: " "))
    }

    /// Reports a fence that never closes (it turns the rest of the file into code) and a fence line with an
    /// info string inside a block (CommonMark keeps it as code, so the next bare fence closes the outer block).
    /// Works on UTF-8 bytes: fence characters, spaces and tabs are ASCII.
    private mutating func checkFence(fence: UInt8, length: Int, code: String, startLine: Int, endLine: Int) {
        let fenceText = String(UnicodeScalar(fence))
        let closed = sourceLines.line(endLine).map { Self.isClosingFence($0, fence: fence, length: length) } ?? false
        if !closed || endLine == startLine {
            diagnostics.append(
                Diagnostic(
                    .error, SourceLocation(file: file, line: startLine),
                    .tr(
                        "cli.lint.fence_not_closed",
                        ["line": String(endLine), "fence": String(repeating: fenceText, count: length)])))
        }
        var code = code
        let nested = code.withUTF8 { bytes in Self.nestedFences(in: bytes, fence: fence, length: length) }
        for (offset, runLength, info) in nested {
            let run = String(repeating: fenceText, count: runLength)
            diagnostics.append(
                Diagnostic(
                    .error, SourceLocation(file: file, line: startLine + 1 + offset),
                    .tr(
                        "cli.lint.fence_nested",
                        [
                            "run": run, "info": info, "line": String(startLine),
                            "longer": String(repeating: fenceText, count: runLength + 1),
                        ])))
        }
    }

    /// The lines of a code block that open a fence at least `length` long with an info string: each line's
    /// 0-based offset, the fence's length and the info string. One pass over the bytes, no line copies.
    private static func nestedFences(in bytes: UnsafeBufferPointer<UInt8>, fence: UInt8, length: Int)
        -> [(offset: Int, runLength: Int, info: String)]
    {
        var found: [(offset: Int, runLength: Int, info: String)] = []
        var lineStart = 0
        var offset = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var cursor = lineStart
            while cursor < lineEnd, isSpaceOrTab(bytes[cursor]) { cursor += 1 }
            let runStart = cursor
            while cursor < lineEnd, bytes[cursor] == fence { cursor += 1 }
            let runLength = cursor - runStart
            if runLength >= 3, runLength >= length {
                while cursor < lineEnd, isSpaceOrTab(bytes[cursor]) { cursor += 1 }
                var infoEnd = lineEnd
                while infoEnd > cursor, isSpaceOrTab(bytes[infoEnd - 1]) { infoEnd -= 1 }
                if infoEnd > cursor {
                    let info = String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<infoEnd]), as: UTF8.self)
                    found.append((offset, runLength, info))
                }
            }
            lineStart = lineEnd + 1
            offset += 1
        }
        return found
    }

    private static func isSpaceOrTab(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func isClosingFence(_ line: ArraySlice<UInt8>, fence: UInt8, length: Int) -> Bool {
        let trimmed = line.drop { isSpaceOrTab($0) || $0 == UInt8(ascii: ">") }
        let runLength = trimmed.prefix { $0 == fence }.count
        return runLength >= length
            && trimmed.dropFirst(runLength).allSatisfy { isSpaceOrTab($0) || $0 == UInt8(ascii: "\r") }
    }

    /// The inlines of a node's children, neighbouring text runs joined (cmark splits them at entities and
    /// brackets); collected into one array, without an array per inline.
    private func inlines(ofChildrenOf node: OpaquePointer, depth: Int) -> [Inline] {
        var collector = InlineCollector(capacity: Self.childCount(node))
        appendInlines(ofChildrenOf: node, depth: depth, to: &collector)
        return collector.finish()
    }

    private func appendInlines(ofChildrenOf node: OpaquePointer, depth: Int, to collector: inout InlineCollector) {
        var child = cmark_node_first_child(node)
        while let current = child {
            appendInline(current, depth: depth + 1, to: &collector)
            child = cmark_node_next(current)
        }
    }

    private func appendInline(_ node: OpaquePointer, depth: Int, to collector: inout InlineCollector) {
        if depth > MarkdownReader.maximumDepth {
            collector.append(text: plainText(node))
            return
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_HTML_INLINE:
            collector.append(text: literal(node))
        case CMARK_NODE_SOFTBREAK:
            collector.append(text: " ")
        case CMARK_NODE_LINEBREAK:
            collector.append(.lineBreak)
        case CMARK_NODE_CODE:
            collector.append(.code(literal(node)))
        case CMARK_NODE_EMPH:
            collector.append(.emphasis(inlines(ofChildrenOf: node, depth: depth)))
        case CMARK_NODE_STRONG:
            collector.append(.strong(inlines(ofChildrenOf: node, depth: depth)))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            links.references.append(
                LinkReference(destination: destination, line: Int(cmark_node_get_start_line(node))))
            collector.append(.link(text: inlines(ofChildrenOf: node, depth: depth), destination: destination))
        default:
            let literalText = literal(node)
            if literalText.isEmpty {
                appendInlines(ofChildrenOf: node, depth: depth, to: &collector)
            } else {
                collector.append(text: literalText)
            }
        }
    }

    /// The text of a subtree, without structure, for content nested past `maximumDepth`. Iterative, so that
    /// depth costs no stack.
    private func plainText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                let current = cmark_iter_get_node(iterator)
            else { continue }
            let value = literal(current)
            if !value.isEmpty {
                text += text.isEmpty ? value : " " + value
            }
        }
        return text
    }

    /// How many children a node has: arrays are made that size at once rather than grown (and copied) child by
    /// child, which is a good share of a large library's allocations.
    private static func childCount(_ node: OpaquePointer) -> Int {
        var count = 0
        var child = cmark_node_first_child(node)
        while let current = child {
            count += 1
            child = cmark_node_next(current)
        }
        return count
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Whether cmark names the node's type `name` (extension nodes such as `table` have no enum value);
    /// compared as C strings, so no Swift string is built per node.
    private func isType(_ node: OpaquePointer, _ name: String) -> Bool {
        guard let type = cmark_node_get_type_string(node) else { return false }
        return strcmp(type, name) == 0
    }
}

/// Inlines gathered in order, with neighbouring text runs joined as they arrive.
private struct InlineCollector {
    private var inlines: [Inline] = []
    private var pendingText: String?

    /// A collector with room for `capacity` inlines (neighbouring text runs joined make fewer).
    init(capacity: Int) {
        inlines.reserveCapacity(capacity)
    }

    mutating func append(text: String) {
        if pendingText == nil {
            pendingText = text
        } else {
            pendingText?.append(text)
        }
    }

    mutating func append(_ inline: Inline) {
        flush()
        inlines.append(inline)
    }

    mutating func finish() -> [Inline] {
        flush()
        return inlines
    }

    private mutating func flush() {
        if let text = pendingText {
            inlines.append(.text(text))
            pendingText = nil
        }
    }
}
