import TerminalFrame

/// The movement a key asks for in a list, with arrows and vi keys alike.
enum Move {
    case by(Int)
    case first
    case last

    /// The keys that move a line: arrows, `j` `k`, Ctrl-N Ctrl-P.
    static let lineKeys: [Key] = [.up, .down, .character("j"), .character("k"), .control("n"), .control("p")]
    /// The keys that move a page: PgUp PgDn, Ctrl-B Ctrl-F.
    static let pageKeys: [Key] = [.pageUp, .pageDown, .control("b"), .control("f")]
    /// The keys that go to the first or last: Home End, `g` `G`.
    static let endKeys: [Key] = [.home, .end, .character("g"), .character("G")]
    /// Every key that moves.
    static let keys = lineKeys + pageKeys + endKeys

    init?(_ key: Key, page: Int) {
        switch key {
        case .down, .character("j"), .control("n"): self = .by(1)
        case .up, .character("k"), .control("p"): self = .by(-1)
        case .pageDown, .control("f"): self = .by(max(1, page))
        case .pageUp, .control("b"): self = .by(-max(1, page))
        case .home, .character("g"): self = .first
        case .end, .character("G"): self = .last
        default: return nil
        }
    }

    func apply(to index: Int, count: Int) -> Int {
        guard count > 0 else { return 0 }
        switch self {
        case .by(let delta): return min(count - 1, max(0, index + delta))
        case .first: return 0
        case .last: return count - 1
        }
    }
}
