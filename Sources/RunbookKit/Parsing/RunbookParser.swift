import FoundationEssentials
import Glibc

/// What parsing one runbook file produced: the runbook, when the file had one, and every problem found.
public struct RunbookParseResult: Sendable {
    /// The parsed runbook; nil for an empty or binary file.
    public var runbook: Runbook?
    /// Problems found while reading the file, each with its line.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(runbook: Runbook?, diagnostics: [Diagnostic]) {
        self.runbook = runbook
        self.diagnostics = diagnostics
    }
}

/// Parses one runbook file into the typed model. Pure: the caller reads the file.
public enum RunbookParser {
    /// Parses a file's bytes: invalid UTF-8 is decoded lossily and reported, a binary file is refused.
    public static func parse(data: Data, path: String) -> RunbookParseResult {
        let (text, diagnostics) = SourceText.decode(data, file: path)
        guard let text else { return RunbookParseResult(runbook: nil, diagnostics: diagnostics) }
        var result = parse(text: text, path: path)
        result.diagnostics = diagnostics + result.diagnostics
        return result
    }

    /// Parses markdown text; `path` names the file in diagnostics and gives the runbook its id.
    public static func parse(text: String, path: String) -> RunbookParseResult {
        if text.allSatisfy(\.isWhitespace) {
            return RunbookParseResult(
                runbook: nil,
                diagnostics: [
                    Diagnostic(
                        .error, SourceLocation(file: path, line: 1),
                        .tr("cli.lint.empty_file"))
                ])
        }
        let front = FrontMatterReader.read(text, path: path)
        var builder = RunbookBuilder(path: path, frontMatter: front.frontMatter ?? FrontMatter())
        // Block by block, straight into the sections: no list of every block is made and then copied.
        let read = MarkdownReader.read(front.body, file: path) { builder.collect($0, childLines: $1) }
        let hidden = HiddenCharacters.diagnostics(in: text, file: path)
        builder.diagnostics = front.diagnostics + read.diagnostics + hidden + builder.diagnostics
        var runbook = builder.runbook()
        runbook.links = read.links
        return RunbookParseResult(runbook: runbook, diagnostics: builder.diagnostics)
    }

    /// The runbook id for a file path: its base name without `.md`.
    public static func id(forPath path: String) -> String {
        let name = lastPathComponent(path)
        return name.lowercased().hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// The path's last component as `NSString.lastPathComponent` gives it (trailing slashes ignored, `/` for
    /// the root), without bridging to NSString for every runbook; over the UTF-8 bytes, as `/` is ASCII.
    private static func lastPathComponent(_ path: String) -> String {
        let slash = UInt8(ascii: "/")
        let utf8 = path.utf8
        guard let lastKept = utf8.lastIndex(where: { $0 != slash }) else {
            return path.isEmpty ? "" : "/"
        }
        let end = utf8.index(after: lastKept)
        let start = utf8[..<end].lastIndex(of: slash).map { utf8.index(after: $0) } ?? utf8.startIndex
        return String(path[start..<end])
    }
}

/// A `##` section while it is being collected, with its blocks' lines.
private struct PendingSection {
    var kind: SectionKind
    var title: String
    var line: Int
    var blocks: [Block] = []
    /// The line where each block starts.
    var lines: [Int] = []
    /// The start line of each item of a list, by the list's block index; kept only in the sections whose lists
    /// are read item by item (`RunbookBuilder.itemLineSections`).
    var itemLines: [Int: [Int]] = [:]

    /// The line of item `item` of the list at `block`. Only for sections of `RunbookBuilder.itemLineSections`:
    /// item lines are recorded there alone (recording them for every list costs parsing 1.5 % more), and in any
    /// other section this would give the list's own line.
    func line(ofItem item: Int, inBlock block: Int) -> Int {
        assert(RunbookBuilder.itemLineSections.contains(kind), "item lines are not recorded in \(kind) sections")
        guard let lines = itemLines[block], item < lines.count else { return self.lines[block] }
        return lines[item]
    }
}

private struct RunbookBuilder {
    let path: String
    let frontMatter: FrontMatter
    var diagnostics: [Diagnostic] = []
    private var title: String?
    private var titleLine = 1
    private var sections: [PendingSection] = []
    private var footer = Footer()
    /// Whether a `##` heading was seen; until one is, `###` headings are the sections.
    private var sawLevelTwo = false
    /// The blocks between the title and the first section, with their lines: a moved stub is nothing else, and a
    /// file without sections is walked as one.
    private var preamble = PendingSection(kind: .resolution, title: "Steps", line: 1)

    init(path: String, frontMatter: FrontMatter) {
        self.path = path
        self.frontMatter = frontMatter
    }

    private func location(_ line: Int) -> SourceLocation {
        SourceLocation(file: path, line: line)
    }

    /// Takes the file's next top-level block; `childLines` gives a list's item lines when they are wanted.
    mutating func collect(_ located: LocatedBlock, childLines: () -> [Int]) {
        switch located.block {
        case .heading(1, let inlines) where title == nil && sections.isEmpty:
            title = HeadingText.clean(inlines.plainText)
            titleLine = located.line
        case .heading(2, let inlines):
            sawLevelTwo = true
            let heading = HeadingText.clean(inlines.plainText)
            sections.append(PendingSection(kind: SectionHeading.kind(of: heading), title: heading, line: located.line))
        case .heading(3, let inlines) where !sawLevelTwo:
            // A file without `##` sections uses its `###` headings as sections.
            let heading = HeadingText.clean(inlines.plainText)
            sections.append(PendingSection(kind: SectionHeading.kind(of: heading), title: heading, line: located.line))
        case .paragraph(let inlines):
            footer.read(paragraph: inlines)
            appendToSection(located, childLines: childLines)
        default:
            appendToSection(located, childLines: childLines)
        }
    }

    /// The sections whose lists are read item by item, so diagnostics and checklist items need each item's line.
    static let itemLineSections: Set<SectionKind> = [.impact, .verification]

    private mutating func appendToSection(_ located: LocatedBlock, childLines: () -> [Int]) {
        guard !sections.isEmpty else {
            for block in Self.splittingTranscripts(located.block) {
                preamble.blocks.append(block)
                preamble.lines.append(located.line)
            }
            return
        }
        let last = sections.count - 1
        if case .list = located.block, Self.itemLineSections.contains(sections[last].kind) {
            sections[last].itemLines[sections[last].blocks.count] = childLines()
        }
        guard Self.mayHoldTranscript(located.block) else {
            sections[last].blocks.append(located.block)
            sections[last].lines.append(located.line)
            return
        }
        for block in Self.splittingTranscripts(located.block) {
            sections[last].blocks.append(block)
            sections[last].lines.append(located.line)
        }
    }

    /// Whether a block is code or a list with code in it: the only blocks `splittingTranscripts` may change. The
    /// others, most of a runbook, are appended as they are rather than through an array of one.
    private static func mayHoldTranscript(_ block: Block) -> Bool {
        switch block {
        case .code, .list: true
        default: false
        }
    }

    /// The block with each console transcript in it split into its commands and its output.
    private static func splittingTranscripts(_ block: Block) -> [Block] {
        switch block {
        case .code(let code):
            return ConsoleTranscript.split(code).map(Block.code)
        case .list(let ordered, let start, let items) where !block.codeBlocks.isEmpty:
            let items = items.map { item in
                ListItem(blocks: item.blocks.flatMap(splittingTranscripts), checked: item.checked)
            }
            return [.list(ordered: ordered, start: start, items: items)]
        default:
            return [block]
        }
    }

    mutating func runbook() -> Runbook {
        let id = RunbookParser.id(forPath: path)
        let (kindFromTitle, headingTitle) = Self.splitTitle(title ?? "")
        let cleanTitle = frontMatter.title ?? headingTitle
        let alertName =
            frontMatter.title != nil && !headingTitle.isEmpty && headingTitle != cleanTitle ? headingTitle : nil
        if title == nil && frontMatter.title == nil {
            diagnostics.append(Diagnostic(.warning, location(1), .tr("cli.lint.no_title", ["id": id])))
        }
        // A stub is a line or two; a longer file that mentions a move is a runbook.
        let movedTo = sections.isEmpty && preamble.blocks.count <= 3 ? MovedStub.destination(of: preamble.blocks) : nil
        if sections.isEmpty, movedTo == nil, !preamble.blocks.isEmpty {
            // A runbook of a title and a list of things to do: its body is walked as one section of steps.
            preamble.line = preamble.lines.first ?? titleLine
            sections = [preamble]
        }
        let kinds = Set(sections.map(\.kind))
        let kind: RunbookKind =
            kindFromTitle
            ?? (kinds.contains(.procedure) || kinds.contains(.prerequisites) ? .procedure : .incident)
        reportDuplicateSections()
        let steps = collectSteps()
        footer = footer.filled(from: frontMatter)
        return Runbook(
            id: id, title: cleanTitle.isEmpty ? id : cleanTitle, kind: kind,
            severity: severity() ?? frontMatter.severity,
            sections: sections.map {
                Section(kind: $0.kind, title: $0.title, blocks: $0.blocks, location: location($0.line))
            },
            steps: steps, checklist: checklist(), escalation: contacts(in: .escalation), related: related(),
            footer: footer, path: path, frontMatter: frontMatter, alertName: alertName,
            movedTo: movedTo)
    }

    /// Strips `Runbook:` / `Procedure:` (and `程序：`) from the title; the prefix tells the kind.
    private static func splitTitle(_ title: String) -> (RunbookKind?, String) {
        let prefixes: [(String, RunbookKind?)] = [
            ("runbook", nil), ("procedure", .procedure), ("程序", .procedure),
            ("incident", .incident),
        ]
        for (prefix, kind) in prefixes where title.lowercased().hasPrefix(prefix) {
            let rest = title.dropFirst(prefix.count).drop { $0 == " " }
            if let colon = rest.first, colon == ":" || colon == "：" {
                return (kind, String(rest.dropFirst()).trimmed)
            }
        }
        return (nil, title)
    }

    private mutating func reportDuplicateSections() {
        // A runbook has a dozen sections: looking back costs less than hashing them.
        for (index, section) in sections.enumerated() where section.kind != .other {
            if let first = sections[..<index].first(where: { $0.kind == section.kind }) {
                diagnostics.append(
                    Diagnostic(
                        .warning, location(section.line),
                        .tr(
                            "cli.lint.second_section",
                            ["section": section.kind.rawValue, "line": String(first.line)])))
            }
        }
    }

    private mutating func severity() -> Severity? {
        guard let impact = sections.first(where: { $0.kind == .impact }) else { return nil }
        for (blockIndex, block) in impact.blocks.enumerated() {
            guard case .list(_, _, let items) = block else { continue }
            for (index, item) in items.enumerated() {
                let text = item.blocks.first?.plainText ?? ""
                guard let (label, value) = LabelledValue.split(text),
                    LabelledValue.matches(label, LabelledValue.severityLabels)
                else { continue }
                if let severity = Severity(parsing: value) { return severity }
                // An alert runbook writes its alert's severity label; the template's own word stays an error.
                if let severity = Severity(writtenAs: value), !sections.contains(where: { $0.kind == .symptoms }) {
                    return severity
                }
                diagnostics.append(
                    Diagnostic(
                        .error, location(impact.line(ofItem: index, inBlock: blockIndex)),
                        .tr("cli.lint.unknown_severity", ["value": value])))
                return nil
            }
        }
        return nil
    }

    private static let stepSections: Set<SectionKind> = [
        .diagnosis, .procedure, .rollback, .resolution, .prerequisites,
    ]
    /// Sections whose whole content is one step when they have no `###` subsections; the other step sections
    /// derive their steps from their shape (`StepDerivation`).
    private static let wholeSectionSteps: Set<SectionKind> = [.prerequisites]

    private func collectSteps() -> [Step] {
        var steps: [Step] = []
        var ordinals: [SectionKind: Int] = [:]
        func add(_ section: SectionKind, title: String, number: Int?, body: [Block], line: Int) {
            let ordinal = (ordinals[section] ?? 0) + 1
            ordinals[section] = ordinal
            steps.append(
                Step(
                    key: section.rawValue + "-" + String(ordinal), section: section, number: number ?? ordinal,
                    title: title, body: body, location: location(line)))
        }
        for section in sections where Self.stepSections.contains(section.kind) {
            // The step being read: its heading's title, number and line, and where its body starts among the
            // section's blocks (each body is copied out once, at its final size).
            var open: (title: String, number: Int?, line: Int, bodyStart: Int)?
            var sawSubsection = false
            for (index, block) in section.blocks.enumerated() {
                guard case .heading(let level, let inlines) = block, level <= 3 else { continue }
                if let step = open {
                    add(
                        section.kind, title: step.title, number: step.number,
                        body: Array(section.blocks[step.bodyStart..<index]), line: step.line)
                }
                sawSubsection = true
                let (number, title) = StepHeading.split(HeadingText.clean(inlines.plainText))
                open = (title, number, section.lines[index], index + 1)
            }
            if let step = open {
                add(
                    section.kind, title: step.title, number: step.number,
                    body: Array(section.blocks[step.bodyStart...]), line: step.line)
            }
            if !sawSubsection, Self.wholeSectionSteps.contains(section.kind), !section.blocks.isEmpty {
                add(section.kind, title: section.title, number: nil, body: section.blocks, line: section.line)
            } else if !sawSubsection {
                let derived = StepDerivation.steps(
                    blocks: section.blocks, lines: section.lines, sectionTitle: section.title,
                    sectionLine: section.line)
                for step in derived {
                    add(section.kind, title: step.title, number: step.number, body: step.body, line: step.line)
                }
            }
        }
        return steps
    }

    private func checklist() -> [ChecklistItem] {
        guard let verification = sections.first(where: { $0.kind == .verification }) else { return [] }
        var items: [ChecklistItem] = []
        for (blockIndex, block) in verification.blocks.enumerated() {
            guard case .list(_, _, let listItems) = block else { continue }
            for (index, item) in listItems.enumerated() {
                guard let checked = item.checked else { continue }
                let line = verification.line(ofItem: index, inBlock: blockIndex)
                let text = item.blocks.map(\.plainText).joined(separator: " ").trimmed
                items.append(
                    ChecklistItem(
                        number: items.count + 1, text: text, checkedInSource: checked,
                        location: location(line)))
            }
        }
        return items
    }

    private func contacts(in kind: SectionKind) -> [Contact] {
        sections.filter { $0.kind == kind }.flatMap { section in
            ContactList.contacts(in: section.blocks)
        }
    }

    private func related() -> [RelatedLink] {
        sections.filter { $0.kind == .related }.flatMap { section in
            section.blocks.flatMap { block -> [RelatedLink] in
                guard case .list(_, _, let items) = block else { return [] }
                return items.compactMap { item in
                    guard case .paragraph(let inlines)? = item.blocks.first else { return nil }
                    for inline in inlines {
                        if case .link(let text, let destination) = inline {
                            return RelatedLink(title: text.plainText.trimmed, destination: destination)
                        }
                    }
                    let text = inlines.plainText.trimmed
                    return text.isEmpty ? nil : RelatedLink(title: text, destination: nil)
                }
            }
        }
    }
}

/// Reads `- **Role**: how to reach` lists into contacts.
enum ContactList {
    /// The contacts of every list item in `blocks`, nested lists included; an item without a colon is a role
    /// with no stated reach.
    static func contacts(in blocks: [Block]) -> [Contact] {
        blocks.flatMap { block -> [Contact] in
            guard case .list(_, _, let items) = block else { return [] }
            return items.flatMap { item -> [Contact] in
                var found: [Contact] = []
                if case .paragraph(let inlines)? = item.blocks.first {
                    let text = reachText(inlines).trimmed
                    if let (role, reach) = LabelledValue.split(text) {
                        found.append(Contact(role: role, reach: reach))
                    } else if !text.isEmpty {
                        found.append(Contact(role: text, reach: ""))
                    }
                }
                return found + contacts(in: Array(item.blocks.dropFirst()))
            }
        }
    }

    /// Plain text that keeps a link's destination when the text alone would hide it (`PagerDuty (https://…)`).
    private static func reachText(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            if case .link(let text, let destination) = inline {
                let label = text.plainText
                return label.isEmpty || label == destination ? destination : "\(label) (\(destination))"
            }
            return inline.plainText
        }.joined()
    }
}
