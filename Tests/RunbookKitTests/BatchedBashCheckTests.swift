import Foundation
import TestSupport
import Testing

@testable import RunbookKit

/// The batched bash check gives every block what `bash -n` on that block alone gives: the same verdict, message and
/// line, block for block, whatever its neighbours hold; and it runs nothing a block contains.
@Suite("checking many shell blocks in a few shells, as bash -n on each alone", .temporaryFiles, .tags(.slow))
struct BatchedBashCheckTests {
    static let today = CalendarDay(year: 2026, month: 12, day: 1)

    @Test("hostile blocks get bash -n's own verdict, message and line each, and none of them runs")
    func hostileBlocks() throws {
        let directory = try TemporaryDirectory()
        let marker = directory.path + "/escaped"
        let blocks = HostileShellBlocks.blocks(marker: marker)
        let reference = AloneBashChecker(directory: directory)
        // Forwards, backwards and with two workers: each block's neighbours change, its verdict must not.
        for order in [blocks, blocks.reversed(), blocks.shuffledWithSeed(7)] {
            let batched = BashSyntaxChecker(workers: 2).check(order)
            for (block, verdict) in zip(order, batched) {
                #expect(verdict == reference.check(block), "\(block.debugDescription)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("a block that leaves a quote, heredoc or brace open does not hide its neighbour's error, nor its own")
    func openConstructsDoNotBalance() throws {
        let pairs = [
            ("echo 'a\n", "b'\n"), ("cat <<EOF\n", "EOF\n"), ("{ echo a\n", "}\n"), ("if true; then\n", "fi\n"),
            ("echo \"a\n", "b\"\n"), ("echo $(\n", ")\n"),
        ]
        let directory = try TemporaryDirectory()
        let reference = AloneBashChecker(directory: directory)
        for (first, second) in pairs {
            let batched = BashSyntaxChecker(workers: 1).check([first, second])
            #expect(batched == [reference.check(first), reference.check(second)], "\(first) \(second)")
        }
    }

    @Test("the blocks that could close the wrapping function are never given to it")
    func escapesAreNotSealed() {
        let escapes = HostileShellBlocks.blocks(marker: "/nonexistent").filter { $0.contains("touch") }
        let sealed = escapes.filter(FunctionBodyCheck.isSealed)
        // What remains sealed cannot leave a brace body: a stray `)` or `esac` is a syntax error there as it is at
        // the top, and the rest keep their `touch` inside something the block leaves open or never runs.
        #expect(
            sealed == [
                ")\ntouch '/nonexistent'\n(\n", "echo a)\ntouch '/nonexistent'\n(echo b\n",
                "esac\ntouch '/nonexistent'\n", "exit 1\ntouch '/nonexistent'\n",
                "cat <<EOF\n$(touch '/nonexistent')\n",
            ])
        #expect(!FunctionBodyCheck.isSealed("}"))
        #expect(!FunctionBodyCheck.isSealed("echo a\\"))
        #expect(!FunctionBodyCheck.isSealed("echo a\\\n"))
        #expect(FunctionBodyCheck.isSealed("echo ${a}\"}\"'}'\\}\n"))
    }

    @Test("the wrapped parse proves blocks only when bash -n alone accepts them, and proves the ordinary ones")
    func provenOnlyWhenValid() throws {
        let directory = try TemporaryDirectory()
        let reference = AloneBashChecker(directory: directory)
        let sealed = HostileShellBlocks.blocks(marker: directory.path + "/escaped").filter(FunctionBodyCheck.isSealed)
        let proven = FunctionBodyCheck.proven(sealed, executable: "/bin/bash", timeout: 60)
        for (block, valid) in zip(sealed, proven) where valid {
            #expect(reference.check(block) == .valid, "\(block.debugDescription)")
        }
        #expect(proven.count == sealed.count)
        let ordinary = [
            "kubectl -n shop get pods -o wide | grep -v Running\n", "if true; then\n  echo yes\nfi\n",
            "case \"$1\" in\n  a) echo a ;;\n  *) echo other ;;\nesac\n", "psql -c \"SELECT 1\" \\\n  -d orders\n",
            "curl -s 'http://prom:9090/api/v1/query' --data-urlencode 'query=up{job=\"api\"}'\n",
            "echo ${HOME} ${HOME:-/root} \"${HOME}\"}\n", "cat <<-EOF\n\tindented\n\tEOF\necho after\n",
        ]
        #expect(FunctionBodyCheck.proven(ordinary, executable: "/bin/bash", timeout: 60).allSatisfy { $0 })
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/escaped"))
    }

    @Test("in POSIX mode, where a syntax error in eval ends the shell, every block is asked of bash -n alone")
    func posixModeFallsBack() throws {
        let directory = try TemporaryDirectory()
        try directory.write("posix-bash", "#!/bin/bash\nexec /bin/bash -o posix \"$@\"\n")
        chmod(directory.path + "/posix-bash", 0o755)
        let posixBash = directory.path + "/posix-bash"
        let blocks = ["echo a\n", "echo (\n", "echo b\n"]
        #expect(FunctionBodyCheck.proven(blocks, executable: posixBash, timeout: 10) == [false, false, false])
        let verdicts = BashSyntaxChecker(executable: posixBash).check(blocks)
        #expect(verdicts.map(\.isValid) == [true, false, true])
    }

    @Test("a wrapped check's output proves a block only when the block's eval said nothing and returned 0")
    func wrappedOutput() {
        #expect(FunctionBodyCheck.verdicts("", marker: "m", count: 2) == [false, false])
        #expect(FunctionBodyCheck.verdicts("x\n\nm 0\n\nm 0\n\nm 2\n", marker: "m", count: 3) == [false, true, false])
    }

    @Test("linting the shipped library finds what a per-block bash -n finds, block for block and line for line")
    func shippedLibrary() throws {
        let catalog = try Catalog.load(directory: TestPaths.shippedRunbooks)
        try expectSameFindings(catalog)
    }

    @Test("linting a library of the hostile blocks finds what a per-block bash -n finds, at the same lines")
    func hostileLibrary() throws {
        let directory = try TemporaryDirectory()
        let marker = directory.path + "/escaped"
        var blocks = HostileShellBlocks.blocks(marker: marker).filter { !$0.contains("```") }
        var number = 0
        while !blocks.isEmpty {
            number += 1
            let some = blocks.prefix(6)
            blocks.removeFirst(some.count)
            let fences = some.map { "```bash\n" + $0 + ($0.hasSuffix("\n") ? "" : "\n") + "```\n" }
            try directory.write(
                "hostile-\(number).md",
                templateRunbook.replacingOccurrences(
                    of: "## Resolution", with: fences.joined(separator: "\n") + "\n## Resolution"))
        }
        try expectSameFindings(try Catalog.load(directory: directory.path))
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("linting a generated library that mixes good and broken blocks finds what a per-block bash -n finds")
    func generatedLibrary() throws {
        let directory = try TemporaryDirectory()
        var random = SeededRandom(seed: 2026)
        for number in 1...60 {
            let fences = (0..<random.int(1..<6)).map { _ in
                "```bash\n" + GeneratedShellBlock.make(&random) + "```\n"
            }
            try directory.write(
                "generated-\(number).md",
                templateRunbook.replacingOccurrences(
                    of: "## Resolution", with: fences.joined(separator: "\n") + "\n## Resolution"))
        }
        let catalog = try Catalog.load(directory: directory.path)
        let errors = try expectSameFindings(catalog)
        #expect(errors > 10)
    }

    /// Lints `catalog` with the batched checker and with `bash -n` a block, expects the same diagnostics and returns
    /// how many blocks did not parse.
    @discardableResult
    func expectSameFindings(_ catalog: Catalog) throws -> Int {
        let scratch = try TemporaryDirectory()
        let batched = Linter(checker: BashSyntaxChecker(), today: Self.today).lint(catalog).map(\.description)
        let alone = Linter(checker: AloneBashChecker(directory: scratch), today: Self.today).lint(catalog)
            .map(\.description)
        #expect(batched.count == alone.count)
        for (found, expected) in zip(batched, alone) {
            #expect(found == expected)
        }
        return alone.filter { $0.contains("does not parse") }.count
    }
}

/// Shell blocks made from pieces of real runbook commands, some broken the ways people break them.
enum GeneratedShellBlock {
    static let commands = [
        "kubectl -n production get pods -l app=<service> -o wide", "kubectl logs deploy/<service> --since=15m | tail",
        "curl -s 'http://prometheus:9090/api/v1/query' --data-urlencode 'query=up{job=\"api\"}'",
        "psql -h <host> -c \"SELECT state, count(*) FROM pg_stat_activity GROUP BY state;\"",
        "for pod in $(kubectl get pods -o name); do echo \"$pod\"; done",
        "if [[ -f /etc/hosts ]]; then cat /etc/hosts; fi",
        "{ date; uptime; } > /tmp/report", "check() { curl -sf \"$1\" >/dev/null; }\ncheck http://localhost/health",
        "cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nEOF", "echo \"${HOME:-/root}\"",
        "find /var/log -name '*.log' -mtime +7 -exec rm {} \\;", "redis-cli INFO stats | grep -E 'hits|misses'",
    ]
    static let breakages = [
        "echo 'unclosed", "if true; then\n  echo missing fi", "echo (", "done", "cat <<EOF\nno end", "}",
        "x=$(date", "case $x in a) echo", "echo a |", "{ echo a", "fi",
    ]

    static func make(_ random: inout SeededRandom) -> String {
        var lines = (0..<random.int(1..<4)).map { _ in random.pick(commands) }
        if random.chance(1, in: 4) {
            lines.insert(random.pick(breakages), at: random.int(0..<(lines.count + 1)))
        }
        var text = lines.joined(separator: "\n") + "\n"
        if random.chance(1, in: 12) { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        return text
    }
}

extension Array {
    /// The elements in an order drawn from `seed`, the same each run.
    func shuffledWithSeed(_ seed: UInt64) -> [Element] {
        var random = SeededRandom(seed: seed)
        var result = self
        for index in result.indices.reversed() where index > 0 {
            result.swapAt(index, random.int(0..<(index + 1)))
        }
        return result
    }
}
