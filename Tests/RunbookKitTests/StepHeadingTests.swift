import Testing

@testable import RunbookKit

@Suite("Numbering of step headings")
struct StepHeadingTests {
    @Test(
        "a heading gives its step number and title, in English or Chinese, with any common separator",
        arguments: [
            ("Step 3: Check pods", 3, "Check pods"),
            ("step 3 - check", 3, "check"),
            ("STEP 12. Restart", 12, "Restart"),
            ("步驟 2：檢查 Pod", 2, "檢查 Pod"),
            ("步骤2、检查", 2, "检查"),
            ("第 3 步：重啟", 3, "重啟"),
            ("2. Restart", 2, "Restart"),
            ("A) Restart the resolver", 1, "Restart the resolver"),
            ("c) Page the owner", 3, "Page the owner"),
            ("  Step 5：  確認  ", 5, "確認"),
            ("Step 4", 4, "Step 4"),
            ("第 3 步", 3, "第 3 步"),
        ])
    func numbered(heading: String, number: Int, title: String) {
        let split = StepHeading.split(heading)
        #expect(split.number == number)
        #expect(split.title == title)
    }

    @Test(
        "a heading without a step number keeps its whole text",
        arguments: [
            "Check pods", "2 Restart", "A)", "AB) Restart", "1a) Restart", "Step 1234567: x", "Stepping back", "步驟：檢查",
            "",
        ])
    func unnumbered(heading: String) {
        let split = StepHeading.split(heading)
        #expect(split.number == nil)
        #expect(split.title == heading.trimmed)
    }

    @Test(
        "a number too long to be a step number is text, however many digits it has, in every heading form",
        arguments: [
            "Step 99999999999999999999: Check pods", "步驟 99999999999999999999：檢查",
            "第 99999999999999999999 步：重啟",
            "99999999999999999999. Restart", "Step 123456: x", "Step \(String(repeating: "9", count: 4096)): x",
        ])
    func tooLong(heading: String) {
        let split = StepHeading.split(heading)
        #expect(split.number == nil)
        #expect(split.title == heading)
    }

    @Test("the longest step number still reads as a number")
    func longestNumber() {
        #expect(StepHeading.split("Step 99999: x").number == 99999)
        #expect(StepHeading.split("00001. x").number == 1)
    }
}
