import FoundationEssentials

extension RunbookReport {
    /// The report as JSON (English field names, UTC times like the incident export), ending with a newline.
    public func json() throws -> Data {
        var document = Data()
        try writeJSON { document.append(contentsOf: $0) }
        return document
    }

    /// Writes `json()`'s document to `output` piece by piece: the report without its runbooks, each runbook
    /// without its feedback, and each feedback note are encoded apart and put in their places, so that the
    /// thousands of notes of a busy home are never encoded in one tree.
    public func writeJSON(to output: (ArraySlice<UInt8>) throws -> Void) throws {
        let encoder = Self.encoder()
        var summary = self
        summary.runbooks = []
        try PrettyJSONSplice.write(
            try encoder.encode(summary), depth: 0, array: "runbooks", elements: runbooks, to: output
        ) { runbook in
            var head = runbook
            head.feedback = []
            try PrettyJSONSplice.write(
                try encoder.encode(head), depth: 2, array: "feedback", elements: runbook.feedback, to: output
            ) { note in
                // As an array: `Data`'s iterator hands out one byte per call, which cost more than encoding the notes.
                try output(PrettyJSONSplice.indented(Array(try encoder.encode(note)), depth: 4)[...])
            }
        }
        try output([0x0A])
    }

    /// The encoder of the report and of each of its pieces: sorted keys, unescaped slashes, ISO 8601 UTC times.
    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(PostmortemTime.iso(date))
        }
        return encoder
    }
}
