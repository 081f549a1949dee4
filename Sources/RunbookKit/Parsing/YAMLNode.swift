/// A YAML node as the composer builds it from libyaml's events. An alias is the very node its anchor named,
/// shared rather than copied, so a document's nodes take memory in proportion to its text however it is aliased.
indirect enum YAMLNode {
    /// A scalar's text and its explicit tag (nil when untagged): every scalar is read as text, as YAML's basic
    /// resolver leaves it, and the front matter's few typed keys are typed where they are read.
    case scalar(String, tag: String?)
    /// The items of a sequence.
    case sequence([YAMLNode], tag: String?)
    /// The pairs of a mapping, in the order written.
    case mapping([(key: YAMLNode, value: YAMLNode)], tag: String?)

    /// The text of a scalar; nil for a collection.
    var scalar: String? {
        if case .scalar(let text, _) = self { return text }
        return nil
    }

    /// The items of a sequence; nil for anything else.
    var sequence: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    /// The pairs of a mapping; nil for anything else.
    var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    /// The value of the first key written as the scalar `key`, in a mapping.
    subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar == key }?.value
    }
}

/// Compares mapping keys as YAML does (same kind, same resolved tag, same content), within a budget of nodes
/// visited: keys that alias one another's collections could otherwise make a comparison walk billions of nodes.
struct YAMLKeyComparison {
    /// How many more nodes may be visited.
    var budget: Int

    /// Whether the two nodes are equal; nil once the budget is spent.
    mutating func equal(_ left: YAMLNode, _ right: YAMLNode) -> Bool? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch (left, right) {
        case (.scalar(let a, let aTag), .scalar(let b, let bTag)):
            return a == b && Self.resolved(aTag, "str") == Self.resolved(bTag, "str")
        case (.sequence(let a, let aTag), .sequence(let b, let bTag)):
            guard a.count == b.count, Self.resolved(aTag, "seq") == Self.resolved(bTag, "seq") else { return false }
            for (x, y) in zip(a, b) {
                guard let same = equal(x, y) else { return nil }
                if !same { return false }
            }
            return true
        case (.mapping(let a, let aTag), .mapping(let b, let bTag)):
            guard a.count == b.count, Self.resolved(aTag, "map") == Self.resolved(bTag, "map") else { return false }
            for (x, y) in zip(a, b) {
                guard let sameKey = equal(x.key, y.key), let sameValue = equal(x.value, y.value) else { return nil }
                if !sameKey || !sameValue { return false }
            }
            return true
        default:
            return false
        }
    }

    /// The tag a node has: its explicit one, else its kind's (an untagged scalar is a string).
    private static func resolved(_ tag: String?, _ kind: String) -> String {
        guard let tag, tag != "!" else { return "tag:yaml.org,2002:" + kind }
        return tag
    }
}
