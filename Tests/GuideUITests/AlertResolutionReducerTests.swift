import Alerts
import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import Testing

/// An incident opened from an alert, walked with an Alertmanager configured: when the alert stops firing, the guide
/// records `alert-resolved` once, derived from the journal, never twice.
@Suite("alert-resolved, once")
struct AlertResolutionReducerTests {
    static let alert = CatalogAlertsReducerTests.cpuAlert
    static let listed = CatalogAlertsReducerTests.firing[0]
    static let later = Fixtures.opened.addingTimeInterval(60)

    /// The walkthrough of an incident opened from the alert, with `extra` events after the opening.
    static func walked(_ extra: [EventKind] = [], review: Bool = false) -> AppModel {
        var model = Fixtures.model()
        model.alertRefreshInterval = 30
        let events =
            [Fixtures.openedEvent()]
            + ([.alertAttached(AlertRecord(alert, source: "alertmanager"))] + extra).enumerated().map { index, kind in
                Event(seq: index + 2, recordedAt: Fixtures.opened, actor: "alice", kind: kind)
            }
        model = launch(model, review ? .review(id: "x") : .resume(id: "x")).0
        return update(model, .incidentLoaded(id: "x", events: events)).0
    }

    static func resolvedKinds(_ effects: [Effect]) -> [EventKind] {
        effects.flatMap { effect -> [EventKind] in
            guard case .append(_, let events) = effect else { return [] }
            return events.map(\.kind).filter {
                if case .alertResolved = $0 { return true }
                return false
            }
        }
    }

    @Test("while the alert fires nothing is recorded; once it is gone, alert-resolved once, with a notice")
    func recordedOnce() {
        var model = Self.walked()
        let (firing, stillEffects) = update(model, .alertsFetched([Self.listed]))
        #expect(Self.resolvedKinds(stillEffects).isEmpty)
        model = update(firing, .tick(now: Self.later)).0
        let (gone, effects) = update(model, .alertsFetched([]))
        #expect(
            Self.resolvedKinds(effects) == [.alertResolved(name: "HighCPUUsage", fingerprint: "f00d", endedAt: nil)])
        #expect(gone.notice?.text == "alert HighCPUUsage stopped firing: recorded in the timeline")
        #expect(Self.resolvedKinds(update(gone, .alertsFetched([])).1).isEmpty, "not twice while it is saved")
        let saved = answer(gone, effects.first { if case .append = $0 { true } else { false } })
        #expect(saved.incident?.state.resolvedAlerts.count == 1)
        #expect(Self.resolvedKinds(update(saved, .alertsFetched([])).1).isEmpty, "not twice once it is saved")
        #expect(saved.incident?.state.status == model.incident?.state.status, "not a change of status")
    }

    @Test("a journal that records the alert resolved, as a resumed incident's does, is not recorded again")
    func resumedKnows() {
        let model = Self.walked([.alertResolved(name: "HighCPUUsage", fingerprint: "f00d", endedAt: nil)])
        let (answered, effects) = update(model, .alertsFetched([]))
        #expect(Self.resolvedKinds(effects).isEmpty)
        let (_, later) = update(answered, .tick(now: Fixtures.opened.addingTimeInterval(31)))
        #expect(later.isEmpty, "nothing left to watch: no fetch is asked for")
    }

    @Test("an alert past its endsAt has ended then; a silenced one has not ended")
    func endsAtAndSilence() {
        let ended = Alert(
            labels: Self.alert.labels, fingerprint: "f00d", startsAt: Self.alert.startsAt,
            endsAt: Fixtures.opened.addingTimeInterval(-5))
        let (_, effects) = update(
            Self.walked(), .alertsFetched([CatalogAlert(alert: ended, runbook: nil, severity: nil)]))
        #expect(
            Self.resolvedKinds(effects) == [
                .alertResolved(name: "HighCPUUsage", fingerprint: "f00d", endedAt: ended.endsAt)
            ])
        let silenced = Alert(labels: Self.alert.labels, fingerprint: "f00d", suppressed: true)
        let (_, quiet) = update(
            Self.walked(), .alertsFetched([CatalogAlert(alert: silenced, runbook: nil, severity: nil)]))
        #expect(Self.resolvedKinds(quiet).isEmpty)
    }

    @Test("a failed fetch concludes nothing; the review never records")
    func failureAndReview() {
        #expect(Self.resolvedKinds(update(Self.walked(), .alertsFetchFailed(reason: "down")).1).isEmpty)
        #expect(Self.resolvedKinds(update(Self.walked(review: true), .alertsFetched([])).1).isEmpty)
    }

    @Test("the walkthrough asks for the alerts at the interval while its alert is not resolved")
    func polls() {
        let model = update(Self.walked(), .alertsFetched([Self.listed])).0
        #expect(update(model, .tick(now: Fixtures.opened.addingTimeInterval(31))).1 == [.fetchAlerts])
    }
}
