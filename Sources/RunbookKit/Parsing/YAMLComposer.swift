import CYAML

/// Builds the node tree of a YAML document from the events of libyaml's parser (Debian's libyaml, the C library
/// Yams wraps). Pure.
///
/// Bounded against hostile text: an alias shares the node it names (see `YAMLNode`), collections nest at most
/// `maximumDepth` deep counting the depth an alias brings with it (the events are handled on a stack of their own,
/// never by recursion; what reads the tree may recurse), and comparing collection keys for duplicates visits at
/// most `comparisonBudget` nodes.
enum YAMLComposer {
    /// The deepest collections may nest: YAML front matter needs two or three levels.
    static let maximumDepth = 1000
    /// The most nodes visited when comparing collection keys of a document for duplicates.
    static let comparisonBudget = 100_000

    /// Why a document did not compose, on one line, with the line and column (from 1, in the text given).
    struct Failure: Error, Equatable {
        var reason: String
    }

    /// The one document of `text`, nil when the text holds no document (only comments or blank lines).
    static func compose(_ text: String) -> Result<YAMLNode?, Failure> {
        var text = text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .failure(Failure(reason: "out of memory")) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var composer = Composer()
            while !composer.isDone {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(failure(of: parser)) }
                defer { yaml_event_delete(&event) }
                do throws(Failure) {
                    try composer.handle(event)
                } catch {
                    return .failure(error)
                }
            }
            return .success(composer.root)
        }
    }

    /// libyaml's account of its error: the problem, where it is, and what was being read.
    private static func failure(of parser: yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "it could not be read"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return Failure(reason: "out of memory")
        case YAML_READER_ERROR:
            return Failure(reason: "byte \(parser.problem_offset + 1): \(problem)")
        default:
            var reason = "\(position(parser.problem_mark)): \(problem)"
            if let context = parser.context {
                let mark = parser.context_mark
                reason += " \(String(cString: context)) in line \(mark.line + 1), column \(mark.column + 1)"
            }
            return Failure(reason: reason)
        }
    }

    fileprivate static func position(_ mark: yaml_mark_t) -> String {
        "\(mark.line + 1):\(mark.column + 1)"
    }
}

/// The collections open while a document's events arrive, and what the document has defined so far.
private struct Composer {
    /// A sequence or a mapping whose end has not arrived yet.
    private struct Open {
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        /// A mapping's key waiting for its value, with where it was written.
        var pendingKey: (node: YAMLNode, mark: yaml_mark_t)?
        /// The scalar keys so far (tag and text), to find one written twice at once.
        var scalarKeys: Set<[String]> = []
        var anchor: String?
        var tag: String?
        /// Where the collection starts.
        var mark: yaml_mark_t
        /// How many levels its deepest item has so far (a scalar has 0, a collection one more than its items).
        var itemDepth = 0
    }

    private var open: [Open] = []
    /// Each anchor's node and how many levels of collections it holds: an alias to a deep collection nests it
    /// again, as deep as it is, without a start event for each level.
    private var anchors: [String: (node: YAMLNode, depth: Int)] = [:]
    private var documents = 0
    private var comparison = YAMLKeyComparison(budget: YAMLComposer.comparisonBudget)
    /// The document's root node, once composed.
    private(set) var root: YAMLNode?
    /// Whether the stream has ended.
    private(set) var isDone = false

    mutating func handle(_ event: yaml_event_t) throws(YAMLComposer.Failure) {
        let mark = event.start_mark
        switch event.type {
        case YAML_STREAM_END_EVENT:
            isDone = true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            guard documents == 1 else {
                throw failure(mark, "expected a single document in the stream, but found another document")
            }
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            guard let (node, depth) = anchors[name] else {
                throw failure(mark, "found undefined alias '\(Self.quoted(name))'")
            }
            try add(node, depth: depth, at: mark)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let node = YAMLNode.scalar(text, tag: string(scalar.tag))
            if let anchor = string(scalar.anchor) { anchors[anchor] = (node, 0) }
            try add(node, depth: 0, at: mark)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard open.count < YAMLComposer.maximumDepth else {
                throw failure(mark, "collections nest deeper than \(YAMLComposer.maximumDepth) levels")
            }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let data = event.data
            open.append(
                Open(
                    isMapping: isMapping,
                    anchor: string(isMapping ? data.mapping_start.anchor : data.sequence_start.anchor),
                    tag: string(isMapping ? data.mapping_start.tag : data.sequence_start.tag), mark: mark))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let closed = open.popLast() else { return }
            let node: YAMLNode =
                closed.isMapping ? .mapping(closed.pairs, tag: closed.tag) : .sequence(closed.items, tag: closed.tag)
            let depth = closed.itemDepth + 1
            if let anchor = closed.anchor { anchors[anchor] = (node, depth) }
            try add(node, depth: depth, at: closed.mark)
        default:
            break
        }
    }

    /// Puts a finished node, `depth` levels of collections deep, where it belongs: the root, a sequence's next
    /// item, or a mapping's key or value.
    private mutating func add(_ node: YAMLNode, depth: Int, at mark: yaml_mark_t) throws(YAMLComposer.Failure) {
        guard open.count + depth <= YAMLComposer.maximumDepth else {
            throw failure(mark, "collections nest deeper than \(YAMLComposer.maximumDepth) levels")
        }
        guard var parent = open.popLast() else {
            root = node
            return
        }
        defer { open.append(parent) }
        parent.itemDepth = max(parent.itemDepth, depth)
        guard parent.isMapping else {
            parent.items.append(node)
            return
        }
        guard let key = parent.pendingKey else {
            parent.pendingKey = (node, mark)
            return
        }
        parent.pendingKey = nil
        if case .scalar(let text, let tag) = key.node {
            // An untagged key is a string, as `!!str` makes one.
            let resolved = tag.flatMap { $0 == "!" ? nil : $0 } ?? "tag:yaml.org,2002:str"
            guard parent.scalarKeys.insert([resolved, text]).inserted else {
                throw failure(key.mark, "the key '\(Self.quoted(text))' is written twice in the same mapping")
            }
        } else {
            for earlier in parent.pairs where earlier.key.scalar == nil {
                guard let same = comparison.equal(earlier.key, key.node) else {
                    throw failure(key.mark, "keys too large to compare for duplicates")
                }
                if same { throw failure(key.mark, "a key is written twice in the same mapping") }
            }
        }
        parent.pairs.append((key.node, node))
    }

    /// Text from the document for a one-line reason: its line breaks shown as `\n`, and cut after 60 characters.
    private static func quoted(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars.prefix(60) {
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > 60 ? shown + "…" : shown
    }

    private func failure(_ mark: yaml_mark_t, _ problem: String) -> YAMLComposer.Failure {
        YAMLComposer.Failure(reason: "\(YAMLComposer.position(mark)): \(problem)")
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
