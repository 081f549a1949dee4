import Foundation
import GuideUI
import IncidentModel
import Localization
import Testing

/// The background sync with the home's git remote, as the status bar tells it.
@Suite("The status bar says when a background sync failed")
struct SyncStatusTests {
    private static let failedAt = Fixtures.opened.addingTimeInterval(120)

    private func statusBar(_ model: AppModel) -> String {
        view(model).textLines.joined(separator: "\n")
    }

    @Test("a failed sync is said with its time and reason until a sync succeeds", arguments: [false, true])
    func failedThenRecovered(review: Bool) {
        let model =
            review
            ? update(
                launch(
                    AppModel(
                        library: Fixtures.library, actor: "bob", colorEnabled: true, width: 120, height: 24,
                        now: Fixtures.opened),
                    .review(id: "last")
                ).0, .incidentLoaded(id: "2026-11-27-checkout-cpu", events: [Fixtures.openedEvent()])
            ).0
            : Fixtures.walkthrough(width: 120)
        #expect(model.screen == (review ? .review : .walkthrough))
        let failed = update(model, .synced(.failed(reason: "remote unreachable", at: Self.failedAt))).0
        let time = String(ZoneClock.utc.timestamp(Self.failedAt).dropFirst(11).prefix(5))
        #expect(statusBar(failed).contains("sync failed \(time): remote unreachable — retrying"))
        let recovered = update(failed, .synced(.succeeded(at: Self.failedAt.addingTimeInterval(30)))).0
        #expect(!statusBar(recovered).contains("sync failed"))
        #expect(!statusBar(model).contains("sync failed"))
    }

    @Test("the status bar says it in Traditional Chinese too")
    func chinese() {
        let model = Fixtures.walkthrough(width: 120, words: Localizer(.traditionalChinese))
        let failed = update(model, .synced(.failed(reason: "連不上 remote", at: Self.failedAt))).0
        #expect(statusBar(failed).contains("同步失敗"))
        #expect(statusBar(failed).contains("連不上 remote——重試中"))
    }
}
