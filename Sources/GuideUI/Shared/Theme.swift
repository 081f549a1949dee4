import RunbookKit
import TerminalFrame

/// The styles of the guide, with color or, under `NO_COLOR`, with bold, underline and reverse only.
struct Theme {
    let color: Bool

    var plain: Style { .plain }
    var bar: Style { Style(reverse: true) }
    var selected: Style { Style(reverse: true) }
    var heading: Style { Style(bold: true, underline: true) }
    var strong: Style { Style(bold: true) }
    var dim: Style { color ? Style(dim: true) : .plain }
    var code: Style { color ? Style(foreground: .cyan) : .plain }
    var frame: Style { color ? Style(foreground: .cyan) : .plain }
    var done: Style { color ? Style(foreground: .green) : Style(bold: true) }
    var error: Style {
        color ? Style(foreground: .white, background: .red, bold: true) : Style(bold: true, underline: true)
    }
    /// Commander notes, so that the responder tells the commander's annotations from their own notes.
    var commander: Style { color ? Style(foreground: .magenta, bold: true) : Style(bold: true, underline: true) }
    /// Search matches in the review.
    var match: Style { color ? Style(foreground: .black, background: .yellow) : Style(underline: true) }
    /// The drill banner: unlike anything else on the top row, with color or without.
    var drill: Style {
        color ? Style(foreground: .black, background: .yellow, bold: true) : Style(bold: true, underline: true)
    }
    var warning: Style {
        color ? Style(foreground: .black, background: .yellow, bold: true) : Style(bold: true, underline: true)
    }

    /// The badge of a severity: P0 red, P1 yellow, P2 blue, P3 plain; without color P0 and P1 are bold.
    func badge(_ severity: Severity?) -> Style {
        switch severity {
        case .p0?: color ? Style(foreground: .red, bold: true) : Style(bold: true)
        case .p1?: color ? Style(foreground: .yellow, bold: true) : Style(bold: true)
        case .p2?: color ? Style(foreground: .blue) : .plain
        case .p3?, nil: .plain
        }
    }
}

extension AppModel {
    var theme: Theme { Theme(color: colorEnabled) }
}
