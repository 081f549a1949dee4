import Foundation
import GuideUI
import IncidentModel
import Localization
import Testing

@Suite("what others record, rendered and compared with golden text")
struct ArrivalsGoldenTests {
    static let sizes = [(80, 24), (40, 12)]

    /// The walkthrough after the commander amy pinned a Chinese note and bo raised the severity, from other
    /// processes, three seconds before the frame.
    static func othersRecorded(width: Int, height: Int, words: Localizer = Localizer(.english)) -> AppModel {
        let model = ArrivalsReducerTests.arrived(
            [
                .roleAssigned(.commander, person: "amy"),
                .note(text: "先別重啟 db-1，正在備份並確認複寫延遲", pinned: true, commander: false),
            ], to: Fixtures.walkthrough(width: width, height: height, words: words))
        let raised = ArrivalsReducerTests.arrived([.severityChanged(.p0)], actor: "bo", to: model)
        return update(raised, .tick(now: Fixtures.opened.addingTimeInterval(3))).0
    }

    @Test(
        "a pinned IC note above the step, the newest arrival on the bottom line, the commander in the status bar",
        arguments: sizes)
    func othersRecorded(width: Int, height: Int) {
        expectGolden(view(Self.othersRecorded(width: width, height: height)), "others-recorded-\(width)x\(height)")
    }

    @Test("the same in Traditional Chinese", arguments: sizes)
    func othersRecordedInChinese(width: Int, height: Int) {
        let model = Self.othersRecorded(width: width, height: height, words: Localizer(.traditionalChinese))
        expectGolden(view(model), "zh-others-recorded-\(width)x\(height)")
    }

    @Test("the role picker", arguments: sizes)
    func rolePicker(width: Int, height: Int) {
        let model = run(Self.othersRecorded(width: width, height: height), keys(.character("c"))).0
        expectGolden(view(model), "role-picker-\(width)x\(height)")
    }
}
