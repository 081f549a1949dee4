import Foundation
import TestSupport
import Testing

@testable import RunbookKit

@Suite("checking shell blocks with bash -n", .temporaryFiles, .tags(.slow))
struct BashSyntaxCheckerTests {
    @Test("a batch gives each script its own verdict, in order, as bash -n with the script on stdin does")
    func batchMatchesBashOnStdin() throws {
        let scripts = [
            "kubectl get pods -n shop\n",
            "if true; then\n  echo missing fi\n",
            "echo 'respond-check- 0'\necho \"$(date)\"\n",
            "cat <<EOF\nno terminator\n",
            "for x in a b; do echo $x; done\n",
            "echo (\n",
            "psql -c \"SELECT 1\" \\\n  -d orders\n",
        ]
        let batch = BashSyntaxChecker().check(scripts)
        #expect(batch.count == scripts.count)
        #expect(batch.map(\.isValid) == [true, false, true, true, true, false, true])
        let directory = try TemporaryDirectory()
        for (index, (script, result)) in zip(scripts, batch).enumerated() {
            try directory.write("script-\(index).sh", script)
            // From a file, not stdin: bash names the line it blames only in a script it was given by name.
            let bash = try runProcess("/bin/bash", ["-n", directory.path + "/script-\(index).sh"])
            if bash.status == 0 {
                #expect(result == .valid, "\(script)")
            } else {
                // bash's first complaint reads `FILE: line N: MESSAGE`.
                let first = try #require(bash.stderr.split(separator: "\n").first, "\(script)")
                let afterFile = try #require(first.range(of: ": line ")?.upperBound, "\(first)")
                let number = first[afterFile...].prefix { $0.isNumber }
                let message = first[afterFile...].dropFirst(number.count + ": ".count)
                #expect(result == .invalid(message: String(message), line: Int(number)), "\(script)")
            }
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
