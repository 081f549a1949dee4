import Foundation
import IncidentModel
import Localization
import TerminalFrame
import TerminalText
import Testing

@testable import GuideUI

/// Every screen of a drill incident opens its top row with the drill banner, in a style nothing else on that row
/// has, with color and under `NO_COLOR`, at 80×24 and at 40×12, whatever dialog is open over it; a real incident
/// has none.
@Suite("the drill banner on every screen of a drill incident")
struct DrillBannerTests {
    static let sizes = [(80, 24), (40, 12)]

    /// A drill incident on each screen the responder or the commander can see, and with the dialogs over them.
    static func screens(
        width: Int, height: Int, color: Bool, drill: Bool = true, words: Localizer = Localizer(.english)
    )
        -> [(String, AppModel)]
    {
        let opened = update(
            Fixtures.model(width: width, height: height, color: color, words: words),
            .incidentOpened(id: "2026-11-27-checkout-cpu", events: [Fixtures.openedEvent(drill: drill)])
        ).0
        var output = opened
        var pane = CommandPane(commandLine: "uptime", startedAt: Fixtures.opened)
        pane.append((1...60).map { "line \($0)" }.joined(separator: "\n"))
        output.commands.pane = pane
        output.screens.append(.commandOutput)
        var reviewEvents = ReviewFixture.events
        if case .incidentOpened(let title, let severity, let runbook, _, let roles) = reviewEvents[0].kind {
            reviewEvents[0].kind = .incidentOpened(
                title: title, severity: severity, runbook: runbook, drill: drill, roles: roles)
        }
        let review = ReviewFixture.model(width: width, height: height, color: color, events: reviewEvents, words: words)
        return [
            ("walkthrough", opened),
            ("outline", run(opened, keys(.character("O"))).0),
            ("note dialog", run(opened, keys(.character("n"))).0),
            ("status picker", run(opened, keys(.character("S"))).0),
            ("help over the walkthrough", run(opened, keys(.character("?"))).0),
            ("timeline", run(opened, keys(.character("t"))).0),
            ("help over the timeline", run(opened, keys(.character("t"), .character("?"))).0),
            ("command output", output),
            ("help over the command output", run(output, keys(.character("?"))).0),
            ("review", review),
            ("help over the review", run(review, keys(.character("?"))).0),
        ]
    }

    @Test("the top row starts with the banner, drawn in the drill style", arguments: sizes)
    func banner(width: Int, height: Int) {
        for color in [true, false] {
            for (words, banner) in [(Localizer(.english), " DRILL "), (Localizer(.traditionalChinese), " 演練 ")] {
                for (name, model) in Self.screens(width: width, height: height, color: color, words: words) {
                    let frame = view(model)
                    let top = frame.textLines[0]
                    #expect(top.hasPrefix(banner), "\(name) at \(width)×\(height), color \(color): \(top)")
                    let style = model.theme.drill
                    let bannerCells = (0..<displayWidth(of: banner)).map { frame[$0, 0].style }
                    #expect(bannerCells.allSatisfy { $0 == style }, "\(name): the banner is not in the drill style")
                    let rest = (displayWidth(of: banner)..<width).map { frame[$0, 0].style }
                    #expect(!rest.contains(style), "\(name): the drill style is used past the banner")
                }
            }
        }
    }

    @Test("a real incident has no banner", arguments: sizes)
    func noBanner(width: Int, height: Int) {
        for (name, model) in Self.screens(width: width, height: height, color: true, drill: false) {
            let frame = view(model)
            #expect(!frame.textLines[0].contains("DRILL"), "\(name)")
            #expect(!(0..<width).contains { frame[$0, 0].style == model.theme.drill }, "\(name)")
        }
    }
}
