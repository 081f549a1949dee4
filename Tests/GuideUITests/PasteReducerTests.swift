import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import TerminalFrame
import Testing

@Suite("paste: text for the open field, never keys")
struct PasteReducerTests {
    let incidentID = "2026-11-27-checkout-cpu"
    let kubectl = "NAME      READY   STATUS\r\napi-1     1/1     Running\r\nworker-2  0/1\tCrashLoopBackOff\r\n"

    func paste(_ text: String, truncated: Bool = false) -> Message {
        .terminal(.paste(Paste(text, truncated: truncated)))
    }

    @Test("a note keeps the pasted lines, tabs as spaces; Enter records one note and nothing else")
    func noteKeepsLines() {
        var (model, effects) = run(Fixtures.walkthrough(), keys(.character("n")) + [paste(kubectl)])
        #expect(effects.joined().isEmpty)
        #expect(model.overlay != nil)
        #expect(view(model).textLines.contains { $0.contains("Running↵worker-2") })
        (model, effects) = run(model, keys(.enter))
        let text = "NAME      READY   STATUS\napi-1     1/1     Running\nworker-2  0/1   CrashLoopBackOff"
        let note = NewEvent(actor: "alice", kind: .note(text: text, pinned: false, commander: false))
        #expect(effects.joined().elementsEqual([.append(incidentID: incidentID, events: [note])]))
        #expect(model.overlay == nil)
    }

    @Test("a pasted line that reads like keys (q, e, Space, Enter) is only text in the note")
    func keysInPasteAreText() {
        let (model, effects) = run(Fixtures.walkthrough(), keys(.character("N")) + [paste("q\ne\n \nR\n")])
        #expect(effects.joined().isEmpty)
        guard case .prompt(let prompt)? = model.overlay else {
            Issue.record("the note prompt closed: \(String(describing: model.overlay))")
            return
        }
        #expect(prompt.editor.text == "q\ne\n \nR\n")
        #expect(model.screen == .walkthrough)
    }

    @Test("a skip reason, feedback and an escalation name are one line: line breaks become spaces")
    func oneLineFields() {
        for key in ["s", "f"] as [Character] {
            let messages = keys(.character(key)) + [paste("pod\r\nevicted\n")] + keys(.enter)
            let (model, effects) = run(Fixtures.walkthrough(), messages)
            guard case .append(_, let events)? = effects.last?.first, let kind = events.first?.kind else {
                Issue.record("no append after \(key)")
                continue
            }
            switch kind {
            case .stepSkipped(_, let reason): #expect(reason == "pod evicted")
            case .runbookFeedback(_, _, let text): #expect(text == "pod evicted")
            default: Issue.record("unexpected \(kind)")
            }
            #expect(model.overlay == nil)
        }
    }

    @Test("a name typed for someone else in the escalation is one line too")
    func escalationName() {
        let messages = keys(.character("e"), .end, .enter) + [paste("DBA\non-call\n")] + keys(.enter)
        let (_, effects) = run(Fixtures.walkthrough(), messages)
        #expect(
            effects.last == [
                .append(
                    incidentID: incidentID,
                    events: [
                        NewEvent(actor: "alice", kind: .escalated(to: "DBA on-call"))
                    ])
            ])
    }

    @Test("the typed yes of a destructive command takes a paste as text; Enter still has to be pressed")
    func typedYes() {
        let messages = keys(.down, .character("R")) + [paste("web-1")] + keys(.enter)
        let (asking, _) = run(CommandFixtures.walkthrough(severity: .p1), messages)
        guard case .command(.confirm(_, _?))? = asking.overlay else {
            Issue.record("no typed confirmation: \(String(describing: asking.overlay))")
            return
        }
        let (pasted, effects) = run(asking, [paste("yes\n")])
        #expect(effects.joined().isEmpty)
        guard case .command(.confirm(_, let typed?))? = pasted.overlay else {
            Issue.record("the confirmation closed on a paste: \(String(describing: pasted.overlay))")
            return
        }
        #expect(typed.text == "yes ")
    }

    @Test("escape sequences and control characters in a paste reach the journal only in their visible form")
    func controlsShown() {
        let (_, effects) = run(
            Fixtures.walkthrough(),
            keys(.character("n")) + [paste("ok\u{1B}[31mred\u{1B}[0m\u{07}\u{0}\u{9B}2Jdone\u{202E}x")] + keys(.enter))
        #expect(
            effects.last == [
                .append(
                    incidentID: incidentID,
                    events: [
                        NewEvent(
                            actor: "alice",
                            kind: .note(
                                text: "ok␛[31mred␛[0m␇␀\\u{9B}2Jdone\\u{202E}x", pinned: false, commander: false))
                    ])
            ])
    }

    @Test("a placeholder value and the start form's title take a paste as one line")
    func placeholderAndTitle() throws {
        let (asking, _) = run(
            CommandFixtures.walkthrough(), keys(.tab, .character("R"), .control("u")) + [paste("shop\nrm -rf /\n")])
        guard case .command(.placeholder(let draft, let index, let editor))? = asking.overlay else {
            Issue.record("no placeholder prompt: \(String(describing: asking.overlay))")
            return
        }
        #expect(index == 0)
        #expect(draft.values.isEmpty)
        #expect(editor.text == "shop rm -rf / ")
        let catalog = Fixtures.model()
        let (form, _) = run(catalog, keys(.enter, .control("u")) + [paste("checkout\n5xx")])
        guard case .startForm(let start)? = form.overlay else {
            Issue.record("no start form")
            return
        }
        #expect(start.title.text == "checkout 5xx")
        let (filtered, _) = run(catalog, keys(.character("/")) + [paste("cpu\nhigh")])
        #expect(filtered.catalog.filter?.text == "cpu high")
    }

    @Test("on a screen without a text field a paste does nothing but say so")
    func ignoredWithoutField() {
        let model = Fixtures.walkthrough()
        let (after, effects) = update(model, paste("q\nn\n"))
        #expect(effects.isEmpty)
        #expect(after.overlay == nil)
        #expect(after.screens == model.screens)
        #expect(after.incident == model.incident)
        #expect(after.notice?.text.contains("paste ignored") == true)
        let (picker, _) = run(model, keys(.character("S")))
        let (stillPicker, pickerEffects) = update(picker, paste("\n"))
        #expect(pickerEffects.isEmpty)
        #expect(stillPicker.overlay == picker.overlay)
    }

    @Test("a paste cut at the size bound says so on screen")
    func truncatedSaysSo() {
        let (model, _) = run(Fixtures.walkthrough(), keys(.character("n")) + [paste("abc", truncated: true)])
        #expect(model.notice?.text.contains("paste cut to its first \(Paste.limit) characters") == true)
        #expect(view(model).textLines.last?.contains("paste cut") == true)
    }

    @Test("the commander's annotation keeps pasted lines; the search is one line")
    func reviewFields() {
        let review = ReviewFixture.model()
        let (annotating, _) = run(review, keys(.character("a")) + [paste("line one\nline two")] + keys(.enter))
        let annotation = EventKind.note(text: "line one\nline two", pinned: false, commander: true)
        #expect(annotating.journal.pending.first?.first?.kind == annotation)
        let (searching, _) = run(review, keys(.character("/")) + [paste("a\nb")])
        #expect(searching.review?.input?.editor.text == "a b")
    }
}
