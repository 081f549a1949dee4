import Testing

@testable import RunbookKit

/// The front matter read without libyaml must mean what libyaml makes of it, and anything less simple goes to
/// libyaml.
@Suite("Simple YAML front matter")
struct SimpleYAMLTests {
    private static func block(_ content: String) -> FrontMatterReader.DelimitedBlock {
        let text = "---\n" + content + "---\n"
        return FrontMatterReader.delimitedBlock(text)!
    }

    @Test(
        "key: value lines and lists under a key are read without libyaml, to the same front matter as libyaml gives",
        arguments: [
            "title: KubeAPIDown fires\nsummary: kube-apiserver is not healthy in <namespace>.\nseverity: critical\n",
            "title: \"Pod: crash looping\"\nweight: 20\naliases:\n  - crashloop\n  - 'CrashLoopBackOff'\n",
            "# a comment\n\ntitle: It's down\naliases:\n- one\n- two\ndraft: yes\n",
            "title: x  \nlastmod: 2026-01-02\nowner: team-db\nhidden: True\nurl: http://example.com/a#b\n",
            "aliases:\nsummary:\ndescription: from description\n",
            "",
        ])
    func agreesWithLibyaml(content: String) throws {
        #expect(SimpleYAML.read(content) != nil)
        let simple = try FrontMatterReader.parse(Self.block(content)).get()
        let composed = try FrontMatterReader.composedYAML(content).get()
        #expect(simple == composed)
    }

    @Test(
        "anchors, tags, block and flow values, nested mappings, comments after values, escapes, tabs and repeated keys go to libyaml",
        arguments: [
            "title: &t Down\nsummary: *t\n", "title: !!str Down\n", "summary: |\n  two\n  lines\n",
            "aliases: [a, b]\n", "_build:\n  list: never\n", "title: Down # why\n", "title: \"a \\\" b\"\n",
            "title:\tDown\n", "title: a\ntitle: b\n", "title: a\n  continued\n", "title: a: b\n", "? key\n: value\n",
            "title: 'open\n", "title: a\r\n", "- a\n", "aliases: one\n- two\n",
        ])
    func declines(content: String) {
        #expect(SimpleYAML.read(content) == nil)
    }

    @Test("front matter of more keys than any runbook has goes to libyaml, which reads it the same")
    func manyKeys() throws {
        let content = (0...SimpleYAML.maximumKeys).map { "key\($0): value\n" }.joined() + "title: Last\n"
        #expect(SimpleYAML.read(content) == nil)
        #expect(try FrontMatterReader.parse(Self.block(content)).get().title == "Last")
        let fewer = (1..<SimpleYAML.maximumKeys).map { "key\($0): value\n" }.joined()
        #expect(SimpleYAML.read(fewer)?.entries.count == SimpleYAML.maximumKeys - 1)
    }
}
