import Testing
@testable import RunbookKit

@Suite("checking shell blocks with bash -n")
struct BashSyntaxCheckerTests {
    @Test("a batch gives each script its own verdict, in order, as checking them one by one would")
    func batchMatchesOneByOne() {
        let scripts = [
            "kubectl get pods -n shop\n",
            "if true; then\n  echo missing fi\n",
            "echo 'respond-check- 0'\necho \"$(date)\"\n",
            "cat <<EOF\nno terminator\n",
            "for x in a b; do echo $x; done\n",
            "echo (\n",
            "psql -c \"SELECT 1\" \\\n  -d orders\n",
        ]
        let checker = BashSyntaxChecker()
        let batch = checker.check(scripts)
        #expect(batch.count == scripts.count)
        #expect(batch.map(\.isValid) == [true, false, true, true, true, false, true])
        for (script, result) in zip(scripts, batch) {
            #expect(checker.check([script]) == [result])
        }
        #expect(batch[1] == .invalid(message: "syntax error: unexpected end of file", line: 3))
    }

    @Test("a shell that cannot be started leaves every block unchecked, not passed")
    func missingShell() {
        let results = BashSyntaxChecker(executable: "/nonexistent/bash").check(["echo a\n", "echo b\n"])
        #expect(results.count == 2)
        #expect(results.allSatisfy { if case .unavailable = $0 { true } else { false } })
    }

    @Test("output cut short leaves the scripts it did not answer for unchecked")
    func truncatedOutput() {
        let results = BashSyntaxChecker.results("\nmark 0\n", marker: "mark", count: 3, executable: "/bin/bash")
        #expect(results.first == .valid)
        #expect(results.dropFirst().allSatisfy { if case .unavailable = $0 { true } else { false } })
    }
}

extension ShellSyntaxResult {
    var isValid: Bool { self == .valid }
}
