import Foundation
import GuideUI
import Localization
import Testing

/// The catalog's firing alerts drawn above the runbooks, in English and in Traditional Chinese (times in
/// Asia/Taipei), at 80×24 and 40×12: the section while the first fetch is under way, with alerts (one without a
/// runbook, the cursor on the first), when the Alertmanager cannot be reached, and the picker of a payload's alerts.
@Suite("the catalog's firing alerts, compared with golden text")
struct CatalogAlertsGoldenTests {
    static let sizes = [(80, 24), (40, 12)]
    static let languages: [(String, Localizer, ZoneClock)] = [
        ("", Localizer(.english), .utc),
        ("zh-", Localizer(.traditionalChinese), ZoneClock(zone: TimeZone(identifier: "Asia/Taipei")!)),
    ]

    static func catalog(width: Int, height: Int, words: Localizer, clock: ZoneClock) -> AppModel {
        var model = Fixtures.model(width: width, height: height, words: words, clock: clock)
        model.alertRefreshInterval = 30
        return launch(model, .catalog).0
    }

    @Test("loading, firing and unreachable", arguments: sizes)
    func sections(width: Int, height: Int) {
        for (prefix, words, clock) in Self.languages {
            let loading = Self.catalog(width: width, height: height, words: words, clock: clock)
            expectGolden(view(loading), "\(prefix)catalog-alerts-loading-\(width)x\(height)")
            let firing = run(
                loading, [.alertsFetched(CatalogAlertsReducerTests.firing)] + keys(.character("g"))
            ).0
            expectGolden(view(firing), "\(prefix)catalog-alerts-\(width)x\(height)")
            let failed = update(
                loading,
                .alertsFetchFailed(
                    reason: "cannot reach the Alertmanager at http://127.0.0.1:9093: Could not connect to the server.")
            ).0
            expectGolden(view(failed), "\(prefix)catalog-alerts-failed-\(width)x\(height)")
        }
    }

    @Test("the picker of a payload's alerts", arguments: sizes)
    func picker(width: Int, height: Int) {
        for (prefix, words, clock) in Self.languages {
            let model = launch(
                Fixtures.model(width: width, height: height, words: words, clock: clock),
                .chooseAlert(AlertChoiceReducerTests.choice())
            ).0
            expectGolden(view(model), "\(prefix)alert-picker-\(width)x\(height)")
        }
    }
}
