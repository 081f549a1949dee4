import CNcursesw
import TerminalFrame

/// Hands out curses color pairs for foreground/background combinations, defining each on first use.
struct ColorPairs {
    private struct Combination: Hashable {
        var foreground: Int16
        var background: Int16
    }

    private var assigned: [Combination: Int16] = [:]
    private let enabled: Bool
    private let defaultForeground: Int16
    private let defaultBackground: Int16

    /// Starts color when the terminal has it; `defaultColors` says whether -1 may stand for the terminal's own.
    init(enabled: Bool, defaultColors: Bool) {
        self.enabled = enabled
        defaultForeground = defaultColors ? -1 : Int16(COLOR_WHITE)
        defaultBackground = defaultColors ? -1 : Int16(COLOR_BLACK)
    }

    /// The pair number for a style's colors; 0 (the terminal's default) when color is off or pairs ran out.
    mutating func pair(for style: Style) -> Int16 {
        guard enabled, style.foreground != nil || style.background != nil else { return 0 }
        let combination = Combination(
            foreground: style.foreground.map { Int16($0.rawValue) } ?? defaultForeground,
            background: style.background.map { Int16($0.rawValue) } ?? defaultBackground
        )
        if let pair = assigned[combination] { return pair }
        let next = Int16(assigned.count + 1)
        guard Int(next) < respond_color_pairs() else { return 0 }
        init_pair(next, combination.foreground, combination.background)
        assigned[combination] = next
        return next
    }
}
