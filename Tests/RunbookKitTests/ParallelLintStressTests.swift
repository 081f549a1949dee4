import Dispatch
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import RunbookKit

/// Stress: lint checks every runbook's shell blocks from every core at once, each worker starting its own bash.
/// Starting them through Foundation's `Process` crashed about one lint in seven of a 2,000-runbook library; this
/// lints a generated library of a few hundred runbooks several times over and fails on a crash (which ends the
/// test process) or on any finding that differs from a lint with one worker at a time.
@Suite("Stress: parallel lint starts bash from every worker", .temporaryFiles, .tags(.slow))
struct ParallelLintStressTests {
    static let runbookCount = 240
    static let rounds = 4

    /// A library of `count` runbooks in the template's shape, each with a few bash blocks; every fifth has a block
    /// that does not parse, so the findings are not all the same.
    static func library(count: Int, in directory: TemporaryDirectory) throws {
        var random = SeededRandom(seed: 12)
        let commands = [
            "kubectl -n production get pods", "free -m", "journalctl -u kubelet --since \"10 min ago\"",
            "for x in a b; do echo \"$x\"; done",
        ]
        for number in 1...count {
            var text = templateRunbook
            let extra = (0..<random.int(1..<4)).map { _ in "```bash\n\(random.pick(commands))\n```\n" }
                .joined(separator: "\n")
            text = text.replacingOccurrences(of: "## Resolution", with: extra + "\n## Resolution")
            if number % 5 == 0 {
                text = text.replacingOccurrences(of: "df -h", with: "if true; then\n  df -h")
            }
            try directory.write("runbook-\(number).md", text)
        }
    }

    @Test(
        "linting a generated library of 240 runbooks four times on every core neither crashes nor changes a finding",
        .timeLimit(.minutes(5)))
    func parallelLint() throws {
        let directory = try TemporaryDirectory()
        try Self.library(count: Self.runbookCount, in: directory)
        let catalog = try Catalog.load(directory: directory.path)
        let linter = Linter(checker: BashSyntaxChecker(), today: CalendarDay(year: 2026, month: 11, day: 27))
        let sequential = catalog.runbookIDs.compactMap(catalog.runbook(id:)).flatMap { linter.lint($0, entry: nil) }
            .filter { $0.message.contains("block") }.map(\.description).sorted()
        #expect(sequential.count == Self.runbookCount / 5)
        #expect(
            sequential.allSatisfy {
                $0.hasSuffix("bash block does not parse: syntax error: unexpected end of file")
            })
        for _ in 0..<Self.rounds {
            let parallel = linter.lint(catalog).filter { $0.message.contains("block") }.map(\.description).sorted()
            #expect(parallel == sequential)
        }
    }

    @Test(
        "sixteen threads checking blocks at once, more than there are cores, each get their own verdicts",
        .timeLimit(.minutes(5)))
    func manyThreads() throws {
        let scripts = ["kubectl -n production get pods\n", "if true; then\n  df -h\n", "echo ok\n"]
        let expected = BashSyntaxChecker().check(scripts)
        let results = Mutex<[[ShellSyntaxResult]]>([])
        let finished = DispatchGroup()
        let threads = (0..<16).map { _ in
            Thread {
                for _ in 0..<40 {
                    let verdicts = BashSyntaxChecker().check(scripts)
                    results.withLock { $0.append(verdicts) }
                }
                finished.leave()
            }
        }
        for thread in threads {
            finished.enter()
            thread.start()
        }
        #expect(finished.wait(timeout: .now() + 240) == .success)
        #expect(results.withLock { $0.count } == 16 * 40)
        #expect(results.withLock { $0 }.allSatisfy { $0 == expected })
        #expect(expected.map(\.isValid) == [true, false, true])
    }
}
