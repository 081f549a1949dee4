import Foundation
import GuideUI
import IncidentModel
import RunbookKit
import Testing

@Suite("golden frames of running a command")
struct CommandGoldenTests {
    static let sizes: [(Int, Int)] = [(80, 24), (40, 12)]

    @Test("the confirmation shows the filled line wrapped and notes the quoted value", arguments: sizes)
    func confirmation(width: Int, height: Int) {
        let model = run(
            CommandFixtures.walkthrough(width: width, height: height),
            keys(.tab, .character("R"), .enter, .control("u")) + typing("web 1") + keys(.enter)
        ).0
        expectGolden(view(model), "command-confirm-\(width)x\(height)")
    }

    @Test("a destructive command on a P1 incident asks for yes with the reason", arguments: sizes)
    func destructive(width: Int, height: Int) {
        let model = run(
            CommandFixtures.walkthrough(severity: .p1, width: width, height: height),
            keys(.down, .character("R")) + typing("web-1") + keys(.enter) + typing("ye")
        ).0
        expectGolden(view(model), "command-destructive-\(width)x\(height)")
    }

    @Test("the output pane while the command runs, its tail shown", arguments: sizes)
    func runningPane(width: Int, height: Int) {
        let output = (1...30).map { "line \($0): 檢查 web-\($0) 狀態 OK" }.joined(separator: "\n") + "\n"
        var model = run(
            CommandFixtures.walkthrough(width: width, height: height), keys(.character("R"), .enter, .enter)
        ).0
        model = run(model, [.command(.output(output)), .tick(now: CommandFixtures.opened.addingTimeInterval(75))]).0
        expectGolden(view(model), "command-running-\(width)x\(height)")
    }

    @Test("the output pane after the command ended, with its exit code, duration and output file", arguments: sizes)
    func finishedPane(width: Int, height: Int) {
        let record = CommandRun(
            command: "kubectl get pods -n shop", step: CommandFixtures.firstStep, placeholders: ["NAMESPACE": "shop"],
            exitCode: 1, durationSeconds: 2.4, outputExcerpt: "error",
            outputFile: "commands/20261127T020000.000Z-kubectl-get-pods.log")
        let model = run(
            CommandFixtures.walkthrough(width: width, height: height),
            keys(.character("R"), .enter, .enter)
                + [
                    .command(.output("error: the server doesn't have a resource type \"pods\"\n")),
                    .command(.finished(record, summary: "exit 1 · 2.4s")),
                ]
        ).0
        expectGolden(view(model), "command-finished-\(width)x\(height)")
    }
}
