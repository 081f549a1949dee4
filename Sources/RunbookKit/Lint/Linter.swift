import TerminalText

/// Checks a catalog against the template and its index. The shell check, the lookup of relative links' files and
/// today's date are given; the runbooks the index lists are read from disk through the catalog as the pass
/// reaches them.
public struct Linter: Sendable {
    /// The sections every incident runbook must have, in template order.
    public static let incidentSections: [SectionKind] = [
        .symptoms, .impact, .detection, .diagnosis, .resolution, .verification, .prevention, .escalation, .related,
    ]
    /// The sections every procedure must have, in template order.
    public static let procedureSections: [SectionKind] = [.prerequisites, .procedure, .verification, .rollback]
    /// Fence languages that are checked with the shell (a console transcript's commands, once split from their
    /// prompts and output, are shell too).
    public static let shellLanguages: Set<String> = ["bash", "sh", "shell", "zsh", "console"]
    /// The word each placeholder is replaced with before the shell checks a block, so that `<namespace>` at a
    /// line's end is not read as a redirection missing its file.
    static let placeholderStandIn = "placeholder"

    private let checker: any ShellSyntaxChecker
    private let today: CalendarDay
    private let linkTargets: (any LinkTargets)?

    /// Creates a linter that checks shell blocks with `checker`, judges staleness against `today` and looks up
    /// the files relative links name with `linkTargets`; without one, links are not checked (a runbook parsed
    /// from text has no folder for them to be relative to).
    public init(checker: any ShellSyntaxChecker, today: CalendarDay, linkTargets: (any LinkTargets)? = nil) {
        self.checker = checker
        self.today = today
        self.linkTargets = linkTargets
    }

    /// Every problem in the catalog: what loading found, then each runbook's and the index's, by file and line.
    public func lint(_ catalog: Catalog) -> [Diagnostic] {
        // Each runbook is linted in the pass that parses it, on every core, so the library is never held parsed
        // at once; its shell blocks are kept as text and checked together afterwards, so that the checker can
        // share a few processes among the whole library's blocks.
        // A library of folders without an index is not in the template: every runbook of it is linted against
        // the alert-runbook convention.
        let folders = catalog.indexPath == nil && !catalog.categories.isEmpty
        let scripts = ShellScripts()
        let library = catalog.everyRunbook { runbook in
            findings(
                runbook, entry: catalog.entry(id: runbook.id), alertConvention: folders || Self.isAlertRunbook(runbook),
                scripts: scripts)
        }
        var verdicts = checker.check(library.values.flatMap { $0.shellBlocks.map(\.script) })[...]
        var diagnostics = catalog.diagnostics + library.diagnostics
        diagnostics += indexProblems(catalog)
        for findings in library.values {
            diagnostics += findings.diagnostics(verdicts.prefix(findings.shellBlocks.count))
            verdicts = verdicts.dropFirst(findings.shellBlocks.count)
        }
        return diagnostics.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
    }

    /// Whether a runbook is written in the alert-runbook convention rather than the template: it has front matter
    /// or a Meaning (overview) section, and it is an incident runbook without Symptoms.
    public static func isAlertRunbook(_ runbook: Runbook) -> Bool {
        runbook.kind == .incident && runbook.section(.symptoms) == nil
            && (runbook.section(.overview) != nil || runbook.frontMatter != FrontMatter() || runbook.alertName != nil)
    }

    /// The problems of one runbook; `entry` is its index row, if it has one. A runbook in the alert-runbook
    /// convention is checked against that convention (see `isAlertRunbook`).
    public func lint(_ runbook: Runbook, entry: CatalogEntry?) -> [Diagnostic] {
        lint(runbook, entry: entry, alertConvention: Self.isAlertRunbook(runbook))
    }

    /// The problems of one runbook against the template, or against the alert-runbook convention (see
    /// `findings`), its shell blocks checked now.
    func lint(_ runbook: Runbook, entry: CatalogEntry?, alertConvention: Bool) -> [Diagnostic] {
        let found = findings(runbook, entry: entry, alertConvention: alertConvention, scripts: ShellScripts())
        return found.diagnostics(checker.check(found.shellBlocks.map(\.script))[...])
    }

    /// What lint finds in one runbook, its shell blocks still to be checked.
    struct Findings: Sendable {
        /// The runbook's file.
        var path: String
        /// The problems reported before the shell blocks'.
        var before: [Diagnostic] = []
        /// The blocks the shell checks, in order.
        var shellBlocks: [ShellBlock] = []
        /// The problems reported after the shell blocks'.
        var after: [Diagnostic] = []

        /// Every problem, with `verdicts` (one for each shell block, in order) turned into the blocks' problems.
        func diagnostics(_ verdicts: ArraySlice<ShellSyntaxResult>) -> [Diagnostic] {
            before + zip(shellBlocks, verdicts).compactMap { $0.diagnostic(path: path, verdict: $1) } + after
        }
    }

    /// A shell block to check: where it is and the text the shell is given.
    struct ShellBlock: Sendable {
        var block: CodeBlock
        var script: String

        /// The problem the shell's verdict means, if any: an error at the line the shell blamed, or a warning
        /// that the block was not checked.
        func diagnostic(path: String, verdict: ShellSyntaxResult) -> Diagnostic? {
            switch verdict {
            case .valid:
                return nil
            case .invalid(let message, let line):
                return Diagnostic(
                    .error, SourceLocation(file: path, line: block.location.line + (line ?? 1)),
                    .tr("cli.lint.block_does_not_parse", ["language": block.language, "message": message]))
            case .unavailable(let reason):
                return Diagnostic(
                    .warning, block.location,
                    .tr("cli.lint.block_not_checked", ["language": block.language, "reason": reason]))
            }
        }
    }

    /// The problems of one runbook against the template, or against the alert-runbook convention: a Diagnosis
    /// or Mitigation section is required, a severity and the footer are not. Broken shell, hidden characters,
    /// dead relative links and ticked checklist items are reported either way.
    func findings(_ runbook: Runbook, entry: CatalogEntry?, alertConvention: Bool, scripts: ShellScripts) -> Findings {
        var found = Findings(path: runbook.path)
        var diagnostics: [Diagnostic] = []
        func report(_ severity: DiagnosticSeverity, _ line: Int, _ text: DiagnosticText) {
            diagnostics.append(Diagnostic(severity, SourceLocation(file: runbook.path, line: line), text))
        }
        if runbook.movedTo != nil { return found }
        if alertConvention {
            if runbook.section(.diagnosis) == nil && runbook.section(.resolution) == nil {
                report(.error, 1, .tr("cli.lint.alert_without_diagnosis"))
            }
            checkChecklist(runbook, report: report)
            found.before = diagnostics
            found.shellBlocks = shellBlocks(runbook, scripts: scripts)
            found.after = hiddenInCommands(runbook)
            found.after += linkTargets.map { DeadLinks.diagnostics(runbook, targets: $0) } ?? []
            return found
        }
        let required = runbook.kind == .incident ? Self.incidentSections : Self.procedureSections
        let missing = required.filter { runbook.section($0) == nil }
        if !missing.isEmpty {
            let sections = ["sections": missing.map(Self.heading).joined(separator: ", ")]
            report(
                .error, 1,
                runbook.kind == .incident
                    ? .tr("cli.lint.missing_sections_incident", count: missing.count, sections)
                    : .tr("cli.lint.missing_sections_procedure", count: missing.count, sections))
        }
        checkSeverity(runbook, entry: entry, report: report)
        checkChecklist(runbook, report: report)
        // The template writes its diagnosis steps as headings; steps derived from a section's shape are the other
        // conventions' way.
        if let diagnosis = runbook.section(.diagnosis), !Self.hasStepHeadings(diagnosis) {
            report(.error, diagnosis.location.line, .tr("cli.lint.diagnosis_without_steps"))
        }
        if let procedure = runbook.section(.procedure), !runbook.steps.contains(where: { $0.section == .procedure }) {
            report(.error, procedure.location.line, .tr("cli.lint.procedure_without_steps"))
        }
        found.before = diagnostics
        found.shellBlocks = shellBlocks(runbook, scripts: scripts)
        diagnostics = hiddenInCommands(runbook)
        diagnostics += linkTargets.map { DeadLinks.diagnostics(runbook, targets: $0) } ?? []
        checkFooter(runbook, report: report)
        found.after = diagnostics
        return found
    }

    private static func hasStepHeadings(_ section: Section) -> Bool {
        section.blocks.contains { block in
            if case .heading(let level, _) = block { return level <= 3 }
            return false
        }
    }

    private static func heading(_ kind: SectionKind) -> String {
        "## " + kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
    }

    private func indexProblems(_ catalog: Catalog) -> [Diagnostic] {
        guard let indexPath = catalog.indexPath else { return [] }
        var diagnostics: [Diagnostic] = []
        let listed = Set(catalog.entries.map { Catalog.join(catalog.directory, $0.file) })
        for file in catalog.files where !listed.contains(file) {
            diagnostics.append(
                Diagnostic(
                    .warning, SourceLocation(file: file, line: 1),
                    .tr("cli.lint.not_in_index", ["index": indexPath])))
        }
        var seen: [String: Int] = [:]
        for entry in catalog.entries {
            if let first = seen[entry.id] {
                diagnostics.append(
                    Diagnostic(
                        .warning, entry.location,
                        .tr("cli.lint.listed_twice", ["file": entry.file, "line": String(first)])))
            } else {
                seen[entry.id] = entry.location.line
            }
        }
        return diagnostics
    }

    private func checkSeverity(
        _ runbook: Runbook, entry: CatalogEntry?,
        report: (DiagnosticSeverity, Int, DiagnosticText) -> Void
    ) {
        let impactLine = runbook.section(.impact)?.location.line ?? 1
        if runbook.kind == .incident, runbook.severity == nil, runbook.section(.impact) != nil {
            report(.error, impactLine, .tr("cli.lint.no_severity"))
        }
        guard let entry else { return }
        if entry.kind != runbook.kind {
            report(
                .warning, 1,
                entry.kind == .incident
                    ? .tr("cli.lint.index_says_incident") : .tr("cli.lint.index_says_procedure"))
        }
        if let indexed = entry.severity, let own = runbook.severity, indexed != own {
            report(
                .error, impactLine,
                .tr(
                    "cli.lint.severity_differs",
                    [
                        "own": own.rawValue, "indexed": indexed.rawValue,
                        "location": "\(entry.location.file):\(entry.location.line)",
                    ]))
        }
    }

    private func checkChecklist(_ runbook: Runbook, report: (DiagnosticSeverity, Int, DiagnosticText) -> Void) {
        guard let verification = runbook.section(.verification) else { return }
        if runbook.checklist.isEmpty {
            report(.error, verification.location.line, .tr("cli.lint.verification_without_checklist"))
        }
        for item in runbook.checklist where item.checkedInSource {
            report(.error, item.location.line, .tr("cli.lint.item_ticked", ["item": String(item.number)]))
        }
        for item in runbook.checklist where item.text.isEmpty {
            report(.error, item.location.line, .tr("cli.lint.item_empty", ["item": String(item.number)]))
        }
    }

    private func shellBlocks(_ runbook: Runbook, scripts: ShellScripts) -> [ShellBlock] {
        var blocks: [ShellBlock] = []
        for section in runbook.sections {
            for block in section.blocks.flatMap(\.codeBlocks)
            where Self.shellLanguages.contains(block.language.lowercased()) {
                if let script = scripts.script(for: block) {
                    blocks.append(ShellBlock(block: block, script: script))
                }
            }
        }
        return blocks
    }

    /// Carriage returns and invisible format characters in code blocks: the guide refuses to copy or run such a
    /// block, because the screen would not show everything the shell runs. Control characters are reported for
    /// every line of the file by the parser.
    private func hiddenInCommands(_ runbook: Runbook) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for section in runbook.sections {
            for block in section.blocks.flatMap(\.codeBlocks) {
                for problem in HiddenCharacters.commandProblems(in: block.code) {
                    // As for the shell check: the code's first line is the one after the fence.
                    let line = block.location.line + problem.line
                    diagnostics.append(
                        Diagnostic(
                            .error, SourceLocation(file: runbook.path, line: line),
                            .tr("cli.lint.hidden_in_command", ["characters": characterNames(problem.scalars)])))
                }
            }
        }
        return diagnostics
    }

    private func checkFooter(_ runbook: Runbook, report: (DiagnosticSeverity, Int, DiagnosticText) -> Void) {
        let footer = runbook.footer
        let line = runbook.sections.last?.location.line ?? 1
        if footer.lastUpdated == nil {
            report(.warning, line, .tr("cli.lint.footer_without_last_updated"))
        }
        if footer.owner == nil {
            report(.warning, line, .tr("cli.lint.footer_without_owner"))
        }
        if footer.reviewCycle == nil {
            report(.warning, line, .tr("cli.lint.footer_without_review_cycle"))
        }
        var cycle: ReviewCycle?
        if let written = footer.reviewCycle {
            cycle = ReviewCycle(parsing: written)
            if cycle == nil {
                report(.warning, line, .tr("cli.lint.unknown_review_cycle", ["cycle": written]))
            }
        }
        guard let written = footer.lastUpdated else { return }
        guard let updated = CalendarDay(parsing: written) else {
            report(.warning, line, .tr("cli.lint.last_updated_not_a_date", ["written": written]))
            return
        }
        let age = today.daysSinceEpoch - updated.daysSinceEpoch
        if age < 0 {
            report(
                .warning, line, .tr("cli.lint.last_updated_in_future", ["date": "\(updated)", "today": "\(today)"]))
        } else if let cycle, age > cycle.days {
            report(
                .warning, line,
                .tr(
                    "cli.lint.stale",
                    [
                        "date": "\(updated)", "age": String(age), "cycle": cycle.rawValue, "days": String(cycle.days),
                    ]))
        }
    }
}
