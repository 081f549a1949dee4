import Testing
@testable import RunbookKit

@Suite("Numbering of step headings")
struct StepHeadingTests {
    @Test("a heading gives its step number and title, in English or Chinese, with any common separator",
          arguments: [
              ("Step 3: Check pods", 3, "Check pods"),
              ("step 3 - check", 3, "check"),
              ("STEP 12. Restart", 12, "Restart"),
              ("步驟 2：檢查 Pod", 2, "檢查 Pod"),
              ("步骤2、检查", 2, "检查"),
              ("第 3 步：重啟", 3, "重啟"),
              ("2. Restart", 2, "Restart"),
              ("  Step 5：  確認  ", 5, "確認"),
              ("Step 4", 4, "Step 4"),
              ("第 3 步", 3, "第 3 步"),
          ])
    func numbered(heading: String, number: Int, title: String) {
        let split = StepHeading.split(heading)
        #expect(split.number == number)
        #expect(split.title == title)
    }

    @Test("a heading without a step number keeps its whole text",
          arguments: ["Check pods", "2 Restart", "Step 1234567: x", "Stepping back", "步驟：檢查", ""])
    func unnumbered(heading: String) {
        let split = StepHeading.split(heading)
        #expect(split.number == nil)
        #expect(split.title == heading.trimmed)
    }
}
