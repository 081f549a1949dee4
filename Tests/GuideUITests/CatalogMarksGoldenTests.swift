import Foundation
import GuideUI
import Localization
import Testing

/// The catalog with review marks in its rows and the selected runbook's marks explained under the list, and the
/// question `r` asks, in English and in Traditional Chinese, at 80×24 and 40×12.
@Suite("the catalog's review marks, compared with golden text")
struct CatalogMarksGoldenTests {
    static let sizes = [(80, 24), (40, 12)]
    static let languages: [(String, Localizer)] = [("", Localizer(.english)), ("zh-", Localizer(.traditionalChinese))]

    static func marked(width: Int, height: Int, words: Localizer) -> AppModel {
        run(
            Fixtures.model(width: width, height: height, words: words),
            [CatalogMarksReducerTests.tick, .reviewMarksLoaded(CatalogMarksReducerTests.marks)]
        ).0
    }

    @Test("marked rows, the selected runbook's marks explained, and the confirmation", arguments: sizes)
    func marks(width: Int, height: Int) {
        for (prefix, words) in Self.languages {
            let model = Self.marked(width: width, height: height, words: words)
            expectGolden(view(model), "\(prefix)catalog-marks-\(width)x\(height)")
            expectGolden(view(run(model, keys(.character("r"))).0), "\(prefix)catalog-marks-ack-\(width)x\(height)")
        }
    }
}
