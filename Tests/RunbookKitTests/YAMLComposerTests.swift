import Testing

@testable import RunbookKit

/// The YAML reader over libyaml's events: the tree it builds, and the hostile or wrong documents it refuses with
/// the line and column of the problem.
@Suite("YAML composed from libyaml's events")
struct YAMLComposerTests {
    private static func compose(_ text: String) throws -> YAMLNode? {
        try YAMLComposer.compose(text).get()
    }

    private static func failure(_ text: String) -> String? {
        if case .failure(let failure) = YAMLComposer.compose(text) { return failure.reason }
        return nil
    }

    /// Why `text` is refused, which must say first where: `position` (line:column).
    private static func refusal(_ text: String, at position: String) throws -> String {
        let reason = try #require(failure(text))
        #expect(reason.hasPrefix(position + ":"), "\(reason)")
        return reason
    }

    @Test("plain, quoted and block scalars are their text; sequences and mappings keep their order")
    func tree() throws {
        let node = try #require(
            try Self.compose(
                "title: 'It''s down'\nweight: 3\ndraft: yes\nempty:\naliases: [a, \"b c\"]\nsummary: |\n  two\n  lines\n"
                    + "_build:\n  list: never\n"))
        #expect(node["title"]?.scalar == "It's down")
        #expect(node["weight"]?.scalar == "3")
        #expect(node["draft"]?.scalar == "yes")
        #expect(node["empty"]?.scalar == "")
        #expect(node["aliases"]?.sequence?.compactMap(\.scalar) == ["a", "b c"])
        #expect(node["summary"]?.scalar == "two\nlines\n")
        #expect(node["_build"]?["list"]?.scalar == "never")
        #expect(
            node.mapping?.map { $0.key.scalar ?? "" } == [
                "title", "weight", "draft", "empty", "aliases", "summary", "_build",
            ])
    }

    @Test("an alias is the node its anchor named")
    func aliases() throws {
        let node = try #require(try Self.compose("owner: &team storage\nteam: *team\nlist: &l [x, y]\nagain: *l\n"))
        #expect(node["team"]?.scalar == "storage")
        #expect(node["again"]?.sequence?.compactMap(\.scalar) == ["x", "y"])
    }

    @Test("text of comments and blank lines is no document")
    func empty() throws {
        #expect(try Self.compose("# only a comment\n\n") == nil)
        #expect(try Self.compose("") == nil)
    }

    @Test(
        "a key written twice in one mapping is refused, at the second one",
        arguments: [
            ("title: a\ntitle: b\n", "2:1"), ("title: a\n'title': b\n", "2:1"), ("x:\n  k: 1\n  k: 2\n", "3:3"),
            ("? [a, b]\n: 1\n? [a, b]\n: 2\n", "3:3"), ("a: 1\n!!str a: 2\n", "2:1"),
        ])
    func duplicateKeys(text: String, position: String) throws {
        #expect(try Self.refusal(text, at: position).contains("twice"))
    }

    @Test("keys that differ only by tag or kind are different keys")
    func differentKeys() throws {
        let node = try #require(try Self.compose("1: a\n!!int 1: b\n[1]: c\n"))
        #expect(node.mapping?.count == 3)
    }

    @Test(
        "broken YAML is refused with the line and column libyaml gives",
        arguments: [
            ("title: [unclosed\n", "2:1"), ("title: 'open\n", "2:1"), ("a: *nowhere\n", "1:4"),
            ("a: 1\n---\nb: 2\n", "2:1"), ("a:\tb: c\n", "1:5"),
        ])
    func broken(text: String, position: String) throws {
        #expect(try !Self.refusal(text, at: position).contains("\n"))
    }

    @Test("collections nested deeper than the limit are refused, however deep the text goes")
    func deepNesting() throws {
        let depth = YAMLComposer.maximumDepth + 1
        let reason = try #require(
            Self.failure("x: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"))
        #expect(reason.contains("nest deeper"))
        let fits = YAMLComposer.maximumDepth - 1
        #expect(
            try Self.compose("x: " + String(repeating: "[", count: fits) + String(repeating: "]", count: fits)) != nil)
    }

    /// Links of `levels` brackets each, every link holding an alias to the one before: `links × levels` deep once
    /// aliases count, though no link's text nests deeper than `levels`.
    private static func aliasChain(links: Int, levels: Int) -> String {
        var lines = ["l0: &l0 " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels)]
        for link in 1..<links {
            lines.append(
                "l\(link): &l\(link) " + String(repeating: "[", count: levels - 1) + "[*l\(link - 1)]"
                    + String(repeating: "]", count: levels - 1))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("an alias brings its depth with it: a chain of aliases nesting past the limit is refused")
    func deepAliasChain() throws {
        let reason = try #require(Self.failure(Self.aliasChain(links: 40, levels: 30)))
        #expect(reason.contains("nest deeper") && !reason.contains("\n"))
        // Two keys holding the deepest link, compared for duplicates, once walked it as deep as it went.
        let keys = Self.aliasChain(links: 40, levels: 30) + "? *l39\n: 1\n? *l39\n: 2\n"
        #expect(try #require(Self.failure(keys)).contains("nest deeper"))
        #expect(try Self.compose(Self.aliasChain(links: 30, levels: 30)) != nil)
    }

    @Test("a key written twice is named on one line, its line breaks shown and a long one cut")
    func duplicateKeyOnOneLine() throws {
        let broken = try #require(Self.failure("\"a\\nb\": 1\n\"a\\nb\": 2\n"))
        #expect(broken.contains(#"'a\nb'"#) && !broken.contains("\n"))
        let long = String(repeating: "k", count: 500)
        let cut = try #require(Self.failure("\(long): 1\n\(long): 2\n"))
        #expect(cut.contains(String(repeating: "k", count: 60) + "…") && cut.count < 200)
    }

    /// Ten levels of nine aliases to the level before (`a` to `j`): nine to the tenth `lol`s when expanded.
    private static let billionLaughs: [String] = {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        let names = (0..<10).map { String(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8($0)))) }
        for level in 1..<10 {
            lines.append(
                "\(names[level]): &\(names[level]) ["
                    + Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ", ") + "]")
        }
        return lines
    }()

    @Test("a billion laughs is composed without expanding it, and its keys are read")
    func aliasBomb() throws {
        let node = try #require(try Self.compose(Self.billionLaughs.joined(separator: "\n") + "\ntitle: Bomb\n"))
        #expect(node["title"]?.scalar == "Bomb")
        #expect(node["j"]?.sequence?.count == 9)
    }

    @Test("collection keys aliasing a billion laughs are compared within a budget, not walked to the end")
    func aliasBombKeys() throws {
        let lines = Self.billionLaughs + ["? *j\n: 1\n? [*j]\n: 2\n? *j\n: 3"]
        let reason = try #require(Self.failure(lines.joined(separator: "\n") + "\n"))
        #expect(reason.contains("too large to compare"), "\(reason)")
    }
}
