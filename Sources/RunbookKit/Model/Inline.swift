/// Inline markdown content, kept as structure so that each front end can style it.
public enum Inline: Hashable, Codable, Sendable {
    case text(String)
    case code(String)
    case strong([Inline])
    case emphasis([Inline])
    case link(text: [Inline], destination: String)
    case lineBreak
}
