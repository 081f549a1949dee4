/// A heading's text as a title: trimmed, without the `{#anchor}` or `{.class}` attributes some generators let a
/// heading carry (`## Diagnosis {#diagnosis}`).
enum HeadingText {
    /// The heading's plain text without its trailing attribute block.
    static func clean(_ heading: String) -> String {
        let text = heading.trimmed
        guard text.hasSuffix("}"), let open = text.lastIndex(of: "{") else { return text }
        let attributes = text[text.index(after: open)...].drop { $0 == " " }
        guard attributes.hasPrefix("#") || attributes.hasPrefix(".") else { return text }
        return String(text[..<open]).trimmed
    }
}
