import FoundationEssentials
import Glibc

/// A named group of emergency contacts from the index (`### On-Call Rotation`).
public struct ContactGroup: Hashable, Codable, Sendable {
    /// The group's heading, or empty for contacts listed before any `###`.
    public var name: String
    /// The contacts in the group, in index order.
    public var contacts: [Contact]

    /// Creates a group.
    public init(name: String, contacts: [Contact]) {
        self.name = name
        self.contacts = contacts
    }
}

/// What the index file (`README.md`) says: the categories and their rows, and the emergency contacts.
public struct RunbookIndex: Hashable, Codable, Sendable {
    /// The categories in index order.
    public var categories: [Category]
    /// The Emergency Contacts section, grouped by its `###` headings.
    public var contactGroups: [ContactGroup]

    /// Creates an index.
    public init(categories: [Category], contactGroups: [ContactGroup]) {
        self.categories = categories
        self.contactGroups = contactGroups
    }
}

/// Parses the index: every table whose first column links a `.md` file is a category, named by the heading
/// above it; a `## Emergency Contacts` (or `## 緊急聯絡`) section gives the contacts. Pure.
public enum IndexParser {
    /// Parses the index's bytes; `path` names it in diagnostics.
    public static func parse(data: Data, path: String) -> (index: RunbookIndex, diagnostics: [Diagnostic]) {
        let (text, diagnostics) = SourceText.decode(data, file: path)
        guard let text else { return (RunbookIndex(categories: [], contactGroups: []), diagnostics) }
        let parsed = parse(text: text, path: path)
        return (parsed.index, diagnostics + parsed.diagnostics)
    }

    /// Parses the index's text; `path` names it in diagnostics.
    public static func parse(text: String, path: String) -> (index: RunbookIndex, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var categories: [Category] = []
        var groups: [ContactGroup] = []
        var heading = ""
        var inContacts = false
        // Block by block: an index of thousands of rows is never held whole as Swift values beside cmark's tree.
        let reading = MarkdownReader.read(text, file: path) { located, childLines in
            switch located.block {
            case .heading(let level, let inlines):
                let title = inlines.plainText.trimmed
                if level <= 2 {
                    inContacts = isContactsHeading(title)
                }
                if level <= 3 {
                    heading = title
                }
            case .table(let header, let rows):
                guard
                    let entries = entries(
                        header: header, rows: rows, lines: childLines(),
                        path: path, diagnostics: &diagnostics)
                else { return }
                if let last = categories.last, last.name == heading {
                    categories[categories.count - 1].entries += entries
                } else {
                    categories.append(Category(name: heading, entries: entries))
                }
            case .list where inContacts:
                let contacts = ContactList.contacts(in: [located.block])
                let name = heading.lowercased() == "emergency contacts" || isContactsHeading(heading) ? "" : heading
                if let last = groups.last, last.name == name {
                    groups[groups.count - 1].contacts += contacts
                } else {
                    groups.append(ContactGroup(name: name, contacts: contacts))
                }
            default:
                return
            }
        }
        let hidden = HiddenCharacters.diagnostics(in: text, file: path)
        return (RunbookIndex(categories: categories, contactGroups: groups), reading.diagnostics + hidden + diagnostics)
    }

    private static func isContactsHeading(_ title: String) -> Bool {
        let lowered = title.lowercased()
        return ["emergency contacts", "緊急聯絡", "緊急聯絡人", "紧急联系人"].contains { lowered.hasPrefix($0) }
    }

    /// The rows of a table that lists runbooks, or nil when its first column links no `.md` file.
    private static func entries(
        header: [[Inline]], rows: [[[Inline]]], lines: [Int], path: String, diagnostics: inout [Diagnostic]
    ) -> [CatalogEntry]? {
        let names = header.map { $0.plainText.trimmed.lowercased() }
        let severityColumn = names.firstIndex { ["severity", "嚴重度", "嚴重程度", "priority", "優先級"].contains($0) }
        let typeColumn = names.firstIndex { ["type", "類型", "kind", "種類"].contains($0) }
        let descriptionColumn =
            names.firstIndex { ["description", "說明", "描述", "summary", "摘要"].contains($0) }
            ?? (names.count > 1 ? names.count - 1 : nil)
        var entries: [CatalogEntry] = []
        for (index, row) in rows.enumerated() {
            guard let first = row.first, let (title, file) = markdownLink(in: first) else { continue }
            let location = SourceLocation(file: path, line: index < lines.count ? lines[index] : 1)
            func cell(_ column: Int?) -> String {
                guard let column, column < row.count, column > 0 else { return "" }
                return row[column].plainText.trimmed
            }
            let label = [cell(severityColumn), cell(typeColumn)].first { !$0.isEmpty } ?? ""
            var kind = RunbookKind.incident
            var severity: Severity?
            if ["procedure", "程序"].contains(label.lowercased()) {
                kind = .procedure
            } else if let parsed = Severity(parsing: label) {
                severity = parsed
            } else {
                diagnostics.append(
                    Diagnostic(
                        .error, location,
                        label.isEmpty
                            ? .tr("cli.lint.index_row_without_severity", ["file": file])
                            : .tr("cli.lint.index_row_unknown_severity", ["label": label, "file": file])))
            }
            entries.append(
                CatalogEntry(
                    id: RunbookParser.id(forPath: file), title: title, file: file,
                    severity: severity, kind: kind, description: cell(descriptionColumn),
                    location: location))
        }
        return entries.isEmpty ? nil : entries
    }

    /// The first link in a cell that points at a local `.md` file, as (text, path without any `#anchor`).
    private static func markdownLink(in cell: [Inline]) -> (String, String)? {
        for inline in cell {
            guard case .link(let text, let destination) = inline else { continue }
            let end =
                destination.utf8.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }
                ?? destination.endIndex
            let file = String(destination[..<end])
            guard ASCIICase.hasSuffix(file, ".md"), !ASCIICase.contains(file, "://") else { continue }
            let relative = file.hasPrefix("./") ? String(file.dropFirst(2)) : file
            return (text.plainText.trimmed, relative)
        }
        return nil
    }
}
