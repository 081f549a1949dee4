import ArgumentParser
import FoundationEssentials
import Localization
import RunbookKit
import TerminalText

/// `respond list`: the catalog by category, one runbook a line, aligned by display width.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the runbooks by category, with severity and description.")

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Print the catalog as JSON.")
    var json = false

    func run() throws {
        let catalog = try options.loadCatalog()
        let localizer = options.localizer()
        let loaded = ReviewMarks.load(
            catalog, store: options.incidentStore(), today: CalendarDay(utc: Date()), localizer: localizer)
        // The listing stands without the feedback it could not read, but a mark that is missing or wrong for
        // want of a file must not pass for one that is right.
        for warning in loaded.warnings(localizer) { printWarning(warning, localizer) }
        if json {
            try printJSON(CatalogListing(catalog, marks: loaded.marks))
        } else {
            Self.render(catalog, localizer, marks: loaded.marks) { print($0) }
        }
    }

    /// Passes `write` the listing a line at a time: a category heading, then `severity  id  description` rows in
    /// aligned columns, with a column of review marks after the id when a runbook has one; what the runbooks do not
    /// say (the group of runbooks the index leaves out, the marks) in the words of `localizer`. Every line quotes
    /// the library, so every line is sanitized.
    ///
    /// A library can have thousands of rows, so each row's label and widths are found once, the listing is never
    /// held whole, and a line is sanitized on its own (which is what sanitizing the whole text did, a tab's
    /// column counting from the line's start); a line of printable ASCII only, which sanitizing leaves unchanged
    /// (a `TerminalTextTests` case holds it to that), is written as it is.
    static func render(
        _ catalog: Catalog, _ localizer: Localizer, marks: [String: RunbookReviewMark] = [:], write: (String) -> Void
    ) {
        let listing = CatalogListing(catalog, marks: marks)
        let rows = listing.categories.map { category in
            category.runbooks.map { row in
                let label = row.label(localizer)
                let mark = row.mark(localizer)
                return (
                    label: label, labelWidth: displayWidth(of: label), idWidth: displayWidth(of: row.id),
                    mark: mark, markWidth: mark.isEmpty ? 0 : displayWidth(of: mark)
                )
            }
        }
        let labelWidth = rows.joined().map(\.labelWidth).max() ?? 0
        let idWidth = rows.joined().map(\.idWidth).max() ?? 0
        let markWidth = rows.joined().map(\.markWidth).max() ?? 0
        var started = false
        func append(_ line: String) {
            started = true
            write(isPrintableASCII(line) ? line : sanitize(line, keepNewlines: true))
        }
        for (index, category) in listing.categories.enumerated() {
            if started { append("") }
            // The index's own categories come first; a group after them is the one of unindexed runbooks.
            append(
                index < catalog.categories.count
                    ? catalog.name(of: catalog.categories[index], in: localizer) : localizer.tr("cli.list.not_in_index")
            )
            for (row, measured) in zip(category.runbooks, rows[index]) {
                var line = "  " + measured.label
                line += String(repeating: " ", count: labelWidth - measured.labelWidth + 2)
                line += row.id
                line += String(repeating: " ", count: idWidth - measured.idWidth + 2)
                if markWidth > 0 {
                    line += measured.mark + String(repeating: " ", count: markWidth - measured.markWidth + 2)
                }
                line += catalog.entry(id: row.id)?.description(in: localizer) ?? row.description
                append(withoutTrailingSpaces(line))
            }
        }
        if !started {
            append(localizer.tr("cli.list.empty", ["directory": catalog.directory]))
        }
    }

    /// Whether every byte of `text` is printable ASCII, so that sanitizing it would return it unchanged.
    private static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// The line without the spaces that pad its last column; looks at the bytes from the end, so a row of CJK
    /// text is not broken into characters.
    private static func withoutTrailingSpaces(_ line: String) -> String {
        let bytes = line.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: " ") {
            end = bytes.index(before: end)
        }
        return String(line[..<end])
    }
}

/// The catalog as `list` shows it and `list --json` prints it.
struct CatalogListing: Encodable {
    struct Row: Encodable {
        var id: String
        var title: String
        var kind: String
        var severity: String?
        var description: String
        var file: String
        var inIndex: Bool
        /// Whether its Last Updated is further back than its Review Cycle allows.
        var stale = false
        /// The day its review is due, when its footer says.
        var reviewDue: String?
        /// How many of its feedback notes are not marked reviewed (`respond feedback ack`).
        var unreviewedFeedback = 0

        /// The review marks column: `review due`, `2 feedback`, both, or nothing, in the words of `localizer`.
        func mark(_ localizer: Localizer) -> String {
            RunbookReviewMark.label(stale: stale, unreviewedFeedback: unreviewedFeedback, localizer)
        }

        /// The severity, or the kind (`procedure`, `incident`) in the words of `localizer`, as the first column
        /// shows it.
        func label(_ localizer: Localizer) -> String {
            guard let severity else {
                return kind == RunbookKind.procedure.rawValue
                    ? localizer.tr("cli.list.procedure") : localizer.tr("cli.list.incident")
            }
            return severity
        }
    }

    struct Group: Encodable {
        var name: String
        var runbooks: [Row]
    }

    struct Contact: Encodable {
        var group: String
        var role: String
        var reach: String
    }

    var directory: String
    var categories: [Group]
    var emergencyContacts: [Contact]

    init(_ catalog: Catalog, marks: [String: RunbookReviewMark] = [:]) {
        directory = catalog.directory
        var groups = catalog.categories.map { category in
            Group(
                name: category.name,
                runbooks: category.entries.map { entry in
                    // A listed runbook is shown as its index row says, as the guide's catalog shows it, so that
                    // listing thousands of runbooks parses none of them (lint checks that rows and files agree).
                    Row(
                        id: entry.id, title: entry.title, kind: entry.kind.rawValue, severity: entry.severity?.rawValue,
                        description: entry.description, file: entry.file, inIndex: true)
                })
        }
        let unindexed = catalog.unindexed.map { runbook in
            Row(
                id: runbook.id, title: runbook.title, kind: runbook.kind.rawValue,
                severity: runbook.severity?.rawValue, description: catalog.description(of: runbook.id),
                file: FilePaths.lastComponent(of: runbook.path), inIndex: false)
        }
        if !unindexed.isEmpty {
            groups.append(Group(name: "Not in the index", runbooks: unindexed))
        }
        for group in groups.indices {
            for row in groups[group].runbooks.indices {
                guard let mark = marks[groups[group].runbooks[row].id] else { continue }
                groups[group].runbooks[row].stale = mark.review.stale
                groups[group].runbooks[row].reviewDue = mark.review.due?.description
                groups[group].runbooks[row].unreviewedFeedback = mark.unreviewedFeedback
            }
        }
        categories = groups
        emergencyContacts = catalog.contactGroups.flatMap { group in
            group.contacts.map { Contact(group: group.name, role: $0.role, reach: $0.reach) }
        }
    }
}
