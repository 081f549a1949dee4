import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import TerminalFrame
import TestSupport
import Testing

/// The start form's title comes prefilled with the runbook's, selected: typing or pasting replaces it, and the
/// editing keys keep it to edit.
@Suite("the start form's prefilled title")
struct StartFormTitleTests {
    /// The title field's text after `messages` on the start form of the fixture's first runbook.
    static func title(after messages: [Message]) -> String? {
        let model = run(Fixtures.model(), keys(.enter) + messages).0
        guard case .startForm(let form)? = model.overlay else { return nil }
        return form.title.text
    }

    @Test("typing replaces the prefilled title")
    func typingReplaces() {
        #expect(Self.title(after: []) == "High CPU Usage")
        #expect(Self.title(after: typing("結帳 CPU 飆高")) == "結帳 CPU 飆高")
        #expect(Self.title(after: [.terminal(.paste(Paste("checkout 5xx")))]) == "checkout 5xx")
    }

    @Test("Backspace, the arrows, Home and End keep the prefilled title to edit")
    func editingKeysKeep() {
        #expect(Self.title(after: keys(.backspace) + typing("U")) == "High CPU UsagU")
        #expect(Self.title(after: keys(.end) + typing(" (checkout)")) == "High CPU Usage (checkout)")
        #expect(Self.title(after: keys(.home) + typing("P1 ")) == "P1 High CPU Usage")
        #expect(Self.title(after: keys(.left, .right) + typing("!")) == "High CPU Usage!")
    }

    @Test("moving to another field and back keeps the selection, so typing still replaces the title")
    func fieldsKeepTheSelection() {
        #expect(Self.title(after: keys(.tab, .backTab) + typing("DB")) == "DB")
    }

    @Test("Enter with the prefilled title opens the incident under it")
    func enterKeeps() {
        let effects = run(Fixtures.model(), keys(.enter, .enter)).1
        #expect(
            effects.last == [
                .openIncident(runbook: "high-cpu-usage", title: "High CPU Usage", severity: .p1, drill: false)
            ]
        )
    }

    @Test("the selected title is drawn reversed, and plain once it is being edited")
    func drawnSelected() throws {
        /// The style of the title field's first character.
        func titleStyle(_ model: AppModel) throws -> Style {
            let frame = view(model)
            let row = try #require(frame.textLines.firstIndex { $0.contains(" title ") })
            let column = try #require(displayColumn(of: "High CPU Usage", in: frame.textLines[row]))
            return frame[column, row].style
        }
        let form = run(Fixtures.model(), keys(.enter)).0
        #expect(try titleStyle(form).reverse)
        #expect(try !titleStyle(run(form, keys(.end)).0).reverse)
    }
}
