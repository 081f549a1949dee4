/// The steps of a section that has no step headings, derived from its shape so that a responder walking an
/// alert runbook gets several steps rather than one. Pure.
///
/// The rules, tried in this order (docs/runbook-format.md lists them): one step per item of the section's
/// top-level numbered lists, with the item's nested code blocks; else one step per bullet that carries a
/// command (a fenced block, or inline code that starts with a command such as `kubectl`), with the plain
/// bullets and paragraphs before it as its text; else one step per fenced block, titled by the paragraph before
/// it (a transcript's output lines stay with the step of the command they follow); else the whole section. Blocks before a step's anchor are its text; blocks after the last anchor join the
/// last step.
enum StepDerivation {
    /// A derived step: its title, the number it is written with, its body and its line.
    struct Derived: Equatable {
        var title: String
        var number: Int?
        var body: [Block]
        var line: Int
    }

    /// The steps of a section's `blocks` (each starting at the line at the same index of `lines`).
    static func steps(blocks: [Block], lines: [Int], sectionTitle: String, sectionLine: Int) -> [Derived] {
        guard !blocks.isEmpty else { return [] }
        let units = zip(blocks, lines).flatMap { block, line -> [Unit] in
            if case .list(let ordered, let start, let items) = block {
                return items.enumerated().map { Unit.item($1, ordered: ordered, number: start + $0, line: line) }
            }
            return [Unit.block(block, line: line)]
        }
        let rules: [(Unit) -> Bool] = [
            { if case .item(_, true, _, _) = $0 { true } else { false } },
            { if case .item(let item, false, _, _) = $0 { carriesCommand(item) } else { false } },
            { if case .block(.code(let block), _) = $0 { !isTranscriptOutput(block) } else { false } },
        ]
        for isAnchor in rules where units.contains(where: isAnchor) {
            return split(units, isAnchor: isAnchor)
        }
        return [Derived(title: sectionTitle, number: nil, body: blocks, line: sectionLine)]
    }

    /// A top-level block, or one item of a top-level list.
    private enum Unit {
        case block(Block, line: Int)
        case item(ListItem, ordered: Bool, number: Int, line: Int)

        var line: Int {
            switch self {
            case .block(_, let line), .item(_, _, _, let line): line
            }
        }

        /// The unit as blocks of a step's body; a bullet keeps its list marker.
        var blocks: [Block] {
            switch self {
            case .block(let block, _): [block]
            case .item(let item, let ordered, let number, _):
                [.list(ordered: ordered, start: number, items: [item])]
            }
        }
    }

    private static func split(_ units: [Unit], isAnchor: (Unit) -> Bool) -> [Derived] {
        var steps: [Derived] = []
        var pending: [Unit] = []
        for unit in units {
            // A transcript's output belongs to the command it follows, not to the step after it.
            if case .block(.code(let block), _) = unit, isTranscriptOutput(block), pending.isEmpty, !steps.isEmpty {
                steps[steps.count - 1].body += unit.blocks
                continue
            }
            guard isAnchor(unit) else {
                pending.append(unit)
                continue
            }
            steps.append(step(anchor: unit, before: pending))
            pending = []
        }
        if !pending.isEmpty, !steps.isEmpty {
            steps[steps.count - 1].body += pending.flatMap(\.blocks)
        }
        return steps
    }

    private static func step(anchor: Unit, before: [Unit]) -> Derived {
        let leading = before.flatMap(\.blocks)
        switch anchor {
        case .item(let item, true, let number, let line):
            let (title, rest) = titleAndRest(of: item.blocks)
            return Derived(title: title, number: number, body: leading + rest, line: line)
        case .item(let item, _, _, let line):
            let (title, _) = titleAndRest(of: item.blocks)
            return Derived(
                title: title, number: nil, body: leading + anchor.blocks + inlineCommands(in: item, line: line),
                line: line)
        case .block(let block, let line):
            let paragraph = before.last.flatMap { unit -> String? in
                if case .block(.paragraph(let inlines), _) = unit { return firstLine(inlines.plainText) }
                return nil
            }
            return Derived(title: paragraph ?? "Run", number: nil, body: leading + [block], line: line)
        }
    }

    /// Whether a block is the output lines split from a terminal transcript: shown with its command, never run.
    private static func isTranscriptOutput(_ block: CodeBlock) -> Bool {
        block.language == ConsoleTranscript.outputLanguage
    }

    /// A numbered item's title (the first line of its first paragraph) and the blocks left for its body: the
    /// first paragraph is left out when it was only that line. An item that opens with a list or a block is
    /// titled by its first line of text and keeps all of it.
    private static func titleAndRest(of blocks: [Block]) -> (String, [Block]) {
        guard case .paragraph(let inlines)? = blocks.first else {
            return (firstLine(blocks.first?.plainText ?? ""), blocks)
        }
        let text = inlines.plainText.trimmed
        let title = firstLine(text)
        return (title, title == text ? Array(blocks.dropFirst()) : blocks)
    }

    private static func firstLine(_ text: String) -> String {
        String(text.trimmed.split(separator: "\n").first ?? "").trimmed
    }

    /// Whether a bullet carries a command: a code block anywhere in it, or inline code that starts with one.
    static func carriesCommand(_ item: ListItem) -> Bool {
        item.blocks.contains { !$0.codeBlocks.isEmpty } || !commandSpans(in: item.blocks).isEmpty
    }

    /// The inline code spans of a bullet's own paragraphs that start with a command word.
    static func commandSpans(in blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            guard case .paragraph(let inlines) = block else { return [] }
            return codeSpans(inlines).filter(isCommand)
        }
    }

    private static func codeSpans(_ inlines: [Inline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            switch inline {
            case .code(let code): [code]
            case .strong(let children), .emphasis(let children): codeSpans(children)
            case .link(let text, _): codeSpans(text)
            case .text, .lineBreak: []
            }
        }
    }

    /// The bullet's inline commands as code blocks, so that they can be selected, copied and run like fenced ones.
    private static func inlineCommands(in item: ListItem, line: Int) -> [Block] {
        guard item.blocks.allSatisfy({ $0.codeBlocks.isEmpty }) else { return [] }
        return commandSpans(in: item.blocks).map { command in
            .code(
                CodeBlock(
                    language: "shell", code: command.trimmed + "\n", location: SourceLocation(file: "", line: line)))
        }
    }

    /// Whether inline code reads as a command line: its first word is a command runbooks use and more follows.
    static func isCommand(_ code: String) -> Bool {
        let words = code.trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first, words.count >= 2 else { return false }
        let command = first.hasPrefix("$") ? String(first.dropFirst()) : String(first)
        return commandWords.contains(command) || command.hasPrefix("./")
    }

    /// Commands an inline code span may start with to be taken for a command to run.
    static let commandWords: Set<String> = [
        "kubectl", "oc", "helm", "curl", "wget", "psql", "mysql", "redis-cli", "systemctl", "journalctl", "docker",
        "podman", "crictl", "aws", "gcloud", "az", "ssh", "dig", "nslookup", "ping", "openssl", "etcdctl", "vault",
        "consul", "nomad", "terraform", "git", "grep", "cat", "tail", "ls", "df", "du", "top", "ps", "kill", "sudo",
        "ip", "ss", "netstat", "promtool", "amtool", "jq", "virtctl", "velero", "argocd", "flux", "istioctl",
        "linkerd", "mongo", "mongosh", "kafka-topics", "nodetool", "cqlsh", "rabbitmqctl", "pg_dump", "watch",
    ]
}
