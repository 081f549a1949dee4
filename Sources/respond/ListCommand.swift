import ArgumentParser
import Foundation
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
        if json {
            try printJSON(CatalogListing(catalog))
        } else {
            Self.render(catalog, options.localizer()) { print($0) }
        }
    }

    /// Passes `write` the listing a line at a time: a category heading, then `severity  id  description` rows in
    /// aligned columns; what the runbooks do not say (the group of runbooks the index leaves out) in the words of
    /// `localizer`. Every line is sanitized, as it quotes the library.
    ///
    /// A library can have thousands of rows, so each row's label and widths are found once, the listing is never
    /// held whole, and a line is sanitized on its own (which is what sanitizing the whole text did, a tab's
    /// column counting from the line's start) only when it has a byte that is not printable ASCII.
    static func render(_ catalog: Catalog, _ localizer: Localizer, write: (String) -> Void) {
        let listing = CatalogListing(catalog)
        let kinds = (procedure: localizer.tr("cli.list.procedure"), incident: localizer.tr("cli.list.incident"))
        let rows = listing.categories.map { category in
            category.runbooks.map { row in
                let label =
                    row.severity ?? (row.kind == RunbookKind.procedure.rawValue ? kinds.procedure : kinds.incident)
                return (label: label, labelWidth: displayWidth(of: label), idWidth: displayWidth(of: row.id))
            }
        }
        let labelWidth = rows.joined().map(\.labelWidth).max() ?? 0
        let idWidth = rows.joined().map(\.idWidth).max() ?? 0
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

    init(_ catalog: Catalog) {
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
                file: (runbook.path as NSString).lastPathComponent, inIndex: false)
        }
        if !unindexed.isEmpty {
            groups.append(Group(name: "Not in the index", runbooks: unindexed))
        }
        categories = groups
        emergencyContacts = catalog.contactGroups.flatMap { group in
            group.contacts.map { Contact(group: group.name, role: $0.role, reach: $0.reach) }
        }
    }
}
