import FoundationEssentials
import Glibc

extension Catalog {
    /// How many bytes from the end of a runbook's file hold its footer: the metadata lines after the last rule.
    static let footerTail = 4096

    /// The footer (Last Updated, Owner, Review Cycle) of runbook `id`, read from the last 4 KiB of its file
    /// without parsing the runbook, with what the front matter at the head of the file gives where the footer is
    /// silent, as the parser does (`Footer.filled(from:)`): what `respond list` and the catalog's review marks
    /// need of every runbook of a library of thousands. Nil when its file cannot be read.
    public func footer(of id: String) -> Footer? {
        guard let path = runbookFiles.path(id: id), let tail = Self.readTail(path, count: Self.footerTail) else {
            return nil
        }
        var lines = tail.bytes[...]
        var head: String?
        if tail.isWhole, tail.bytes.first == UInt8(ascii: "-") || tail.bytes.first == UInt8(ascii: "+") {
            // The whole file was read: its front matter is not the footer (the parser blanks it before reading
            // any), and it is at hand.
            let text = String(decoding: tail.bytes, as: UTF8.self)
            if let block = FrontMatterReader.delimitedBlock(text) {
                // Valid UTF-8 decodes to the same bytes, so the block's end is the same offset in them.
                let end = text.utf8.distance(from: text.startIndex, to: block.end)
                lines = text.utf8.count == tail.bytes.count ? tail.bytes[end...] : ArraySlice(text.utf8[block.end...])
                head = text
            }
        }
        // Only the lines that may start a footer paragraph are parsed, each as a paragraph of its own, by the
        // parser's own markdown reader and footer rule: a library of thousands is listed without parsing
        // every runbook, and the footer read is the one the guide shows.
        var candidates = ""
        // A cut at the start of the tail may split a character; the footer's lines are whole after it.
        for line in lines.split(separator: UInt8(ascii: "\n")) where LabelledValue.lineStartsWithFooterLabel(line) {
            candidates += String(decoding: line, as: UTF8.self) + "\n\n"
        }
        var footer = Footer()
        if !candidates.isEmpty {
            _ = MarkdownReader.read(candidates, file: path) { located, _ in
                if case .paragraph(let inlines) = located.block { footer.read(paragraph: inlines) }
            }
        }
        // The head of the file is read only for what the footer does not say, which most footers do.
        guard footer.lastUpdated == nil || footer.owner == nil else { return footer }
        // A folder library read every head at load: what it read holds while the file is as it was then.
        if let known = frontMatterFooters, tail.modified < known.readSince {
            return footer.filled(from: known.footers[id] ?? Footer())
        }
        let header = head.map { RunbookHeader.parse($0) } ?? RunbookHeader.read(path: path)
        return footer.filled(from: header.frontMatter)
    }

    /// The last `count` bytes of a regular file; nil when it cannot be opened as one. O_NONBLOCK: a FIFO named
    /// *.md would otherwise hold the listing until a writer came.
    private static func readTail(_ path: String, count: Int) -> (bytes: [UInt8], isWhole: Bool, modified: Int64)? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = max(Int(info.st_size), 0)
        let start = max(size - count, 0)
        var bytes = [UInt8](repeating: 0, count: size - start)
        var filled = 0
        while filled < bytes.count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(start + filled))
            }
            if read < 0, errno == EINTR { continue }
            if read <= 0 { break }
            filled += read
        }
        return (Array(bytes[..<filled]), start == 0, FrontMatterFooters.nanoseconds(info.st_mtim))
    }
}
