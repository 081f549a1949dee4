import Foundation

extension Catalog {
    /// How many bytes from the end of a runbook's file hold its footer: the metadata lines after the last rule.
    static let footerTail = 4096

    /// The footer (Last Updated, Owner, Review Cycle) of runbook `id`, read from the last 4 KiB of its file
    /// without parsing the runbook: what `respond list` and the catalog's review marks need of every runbook of a
    /// library of thousands. Nil when its file cannot be read.
    public func footer(of id: String) -> Footer? {
        guard let path = runbookFiles.path(id: id), let handle = FileHandle(forReadingAtPath: path) else {
            return nil
        }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return nil }
        let start = size > UInt64(Self.footerTail) ? size - UInt64(Self.footerTail) : 0
        guard (try? handle.seek(toOffset: start)) != nil, let data = try? handle.readToEnd() else { return nil }
        var footer = Footer()
        // A cut at the start of the tail may split a character; the footer's lines are whole after it.
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let text = String(line)
            if let value = LabelledValue.value(of: LabelledValue.lastUpdatedLabels, in: text) {
                footer.lastUpdated = value
            }
            if let value = LabelledValue.value(of: LabelledValue.ownerLabels, in: text) { footer.owner = value }
            if let value = LabelledValue.value(of: LabelledValue.reviewCycleLabels, in: text) {
                footer.reviewCycle = value
            }
        }
        return footer
    }
}
