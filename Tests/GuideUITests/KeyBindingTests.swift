import Foundation
import IncidentModel
import RunbookKit
import TerminalFrame
import Testing

@testable import GuideUI

/// Each screen's key table is what its keys do: every key a row lists reaches that row's action, no key the table
/// leaves out does anything, and the hint line names only keys the table dispatches.
@Suite("key tables drive the key handling")
struct KeyBindingTests {
    /// A model on each screen, in a state where moving, scrolling and leaving all have somewhere to go.
    static let models: [String: AppModel] = {
        var catalog = Fixtures.model()
        catalog = update(catalog, .terminal(.key(.down))).0

        var openIncidents = update(Fixtures.model(), .terminal(.key(.character("o")))).0
        openIncidents = update(openIncidents, .openIncidentsListed([])).0

        let onStep = run(Fixtures.walkthrough(), keys(.down)).0

        var commandOutput = onStep
        var pane = CommandPane(commandLine: "uptime", startedAt: Fixtures.opened)
        pane.append((1...60).map { "line \($0)" }.joined(separator: "\n"))
        commandOutput.commands.pane = pane
        commandOutput.screens.append(.commandOutput)

        let timeline = run(onStep, keys(.character("t"))).0

        var review = launch(Fixtures.model(), .review(id: ReviewFixture.id)).0
        review = update(review, .incidentLoaded(id: ReviewFixture.id, events: ReviewFixture.events)).0
        review = run(review, keys(.up, .up)).0

        return [
            "catalog": catalog, "open incidents": openIncidents, "walkthrough": onStep,
            "command output": commandOutput, "timeline": timeline, "review": review,
        ]
    }()

    /// The screens' names, the tests' arguments (a model would print whole in the test log).
    static let screens = ["catalog", "open incidents", "walkthrough", "command output", "timeline", "review"]

    /// Every key a table could list: printable ASCII, control letters, and the named keys.
    static let everyKey: [Key] =
        (0x20...0x7E).map { Key.character(Character(UnicodeScalar($0)!)) }
        + "abcdefghijklmnopqrstuvwxyz".map { Key.control($0) }
        + [
            .enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .home, .end, .pageUp,
            .pageDown,
        ]
        + (1...12).map { Key.function($0) }

    /// What a key press leaves behind that anyone could notice: the frame, the effects, the screens and the dialog.
    struct Outcome: Equatable {
        let frame: Frame
        let effects: [Effect]
        let screens: [Screen]
        let overlay: Overlay?

        init(_ result: (AppModel, [Effect])) {
            frame = view(result.0)
            effects = result.1
            screens = result.0.screens
            overlay = result.0.overlay
        }
    }

    @Test("every key a row lists reaches that row, not an earlier one", arguments: screens)
    func noRowShadowed(name: String) throws {
        let model = try #require(Self.models[name])
        let table = keyBindings(for: model.screen)
        for (index, row) in table.enumerated() where row.applies(model) {
            for key in row.keys {
                let first = table.firstIndex { $0.keys.contains(key) && $0.applies(model) }
                #expect(
                    first == index, "\(name): \(key) of `\(row.label)` goes to row \(first.map(String.init) ?? "none")")
            }
        }
    }

    @Test("pressing a key a row lists does what the row's action does", arguments: screens)
    func listedKeysReachTheirAction(name: String) throws {
        let model = try #require(Self.models[name])
        let table = keyBindings(for: model.screen)
        for row in table where row.applies(model) {
            for key in row.keys {
                let pressed = Outcome(update(model, .terminal(.key(key))))
                let acted = Outcome(row.action(model, key))
                #expect(pressed == acted, "\(name): \(key) did not do what `\(row.label)` does")
            }
        }
    }

    @Test("a key no row lists changes nothing", arguments: screens)
    func unlistedKeysDoNothing(name: String) throws {
        let model = try #require(Self.models[name])
        let table = keyBindings(for: model.screen)
        let before = Outcome((model, []))
        // Ctrl-C is the router's on every screen: it quits, or in the output pane stops the command.
        for key in Self.everyKey where key != .control("c") && table.binding(for: key, in: model) == nil {
            #expect(Outcome(update(model, .terminal(.key(key)))) == before, "\(name): \(key) acted without a row")
        }
    }

    @Test("the hint line names only keys the table dispatches")
    func hintsAreDispatched() throws {
        let walkthrough = Fixtures.walkthrough()
        let withoutCommand = run(walkthrough, keys(.down, .down)).0
        var running = walkthrough
        running.commands.pane = CommandPane(commandLine: "uptime", startedAt: Fixtures.opened)
        let hints: [(AppModel?, [KeyHint])] = [
            (Self.models["catalog"], catalogHints), (Self.models["open incidents"], openIncidentsHints),
            (walkthrough, walkthroughHints(walkthrough)), (withoutCommand, walkthroughHints(withoutCommand)),
            (running, walkthroughHints(running)), (Self.models["command output"], commandOutputHints),
            (Self.models["timeline"], timelineHints), (Self.models["review"], reviewHints),
        ]
        for (model, line) in hints {
            let model = try #require(model)
            for hint in line {
                #expect(
                    keyBindings(for: model.screen).binding(for: hint.key, in: model) != nil,
                    "\(model.screen): `\(hint.textKey)` names a key its table does not dispatch")
            }
        }
    }
}
