import Foundation
import TestSupport
import Testing

@testable import RunbookKit

@Suite("keeping bash -n verdicts between lints", .temporaryFiles, .tags(.slow))
struct BashVerdictCacheTests {
    /// A cache in a fresh directory that does not exist yet, as on a first lint.
    func freshCache(maximumEntries: Int = 50_000) throws -> (BashVerdictCache, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        return (
            BashVerdictCache(file: directory.path + "/cache/respond/bash-verdicts", maximumEntries: maximumEntries),
            directory
        )
    }

    /// Replaces the verdict kept for `script` by `verdict`, through the cache's own writing, so that a check that
    /// returns it must have read it from the file rather than asked bash.
    func plant(_ verdict: ShellSyntaxResult, for script: String, in cache: BashVerdictCache) throws {
        let lookup = try #require(cache.lookup([script], executable: "/bin/bash"))
        cache.store([verdict], lookup: lookup)
    }

    @Test("a second check takes a block's verdict from the file, found by the block's text and the bash")
    func verdictsAreKept() throws {
        let (cache, _) = try freshCache()
        let scripts = ["echo ok\n", "if true; then\n", "echo ok\n"]
        let first = BashSyntaxChecker(cache: cache).check(scripts)
        #expect(first == BashSyntaxChecker().check(scripts))
        let text = try String(contentsOfFile: cache.file, encoding: .utf8)
        // Identical blocks are kept once; the header and the digest line come first.
        #expect(text.split(separator: "\n").count == 4)
        try plant(.invalid(message: "planted", line: 7), for: "echo ok\n", in: cache)
        #expect(
            BashSyntaxChecker(cache: cache).check(scripts)
                == [.invalid(message: "planted", line: 7), first[1], .invalid(message: "planted", line: 7)])
        // Another bash, or the same one started with other options, does not share the verdicts.
        let directory = try TemporaryDirectory()
        try directory.write("other-bash", "#!/bin/bash\nexec /bin/bash \"$@\"\n")
        chmod(directory.path + "/other-bash", 0o755)
        #expect(BashSyntaxChecker(executable: directory.path + "/other-bash", cache: cache).check(scripts) == first)
    }

    @Test("a damaged, cut, oversized, foreign, linked or writable by others cache file is ignored whole and replaced")
    func damagedFilesAreIgnored() throws {
        let (cache, directory) = try freshCache()
        let scripts = ["echo ok\n", "echo (\n"]
        let truth = BashSyntaxChecker().check(scripts)
        try plant(.invalid(message: "planted", line: 1), for: "echo ok\n", in: cache)
        let planted = try Data(contentsOf: URL(fileURLWithPath: cache.file))
        let key = try #require(String(decoding: planted, as: UTF8.self).split(separator: "\n").last?.prefix(64))
        let damaged: [Data] = [
            planted.dropLast(3),
            Data(String(decoding: planted, as: UTF8.self).replacingOccurrences(of: "planted", with: "plonted").utf8),
            Data(String(decoding: planted, as: UTF8.self).replacingOccurrences(of: "invalid", with: "valid").utf8),
            Data("respond bash -n verdicts 1\n".utf8),
            Data(([UInt8](repeating: 0xff, count: 100))),
            Data(
                ("respond bash -n verdicts 1\n" + BashVerdictCache.checksum(of: "\(key)\tvalid\textra\n") + "\n"
                    + "\(key)\tvalid\textra\n").utf8),
        ]
        for bytes in damaged {
            try bytes.write(to: URL(fileURLWithPath: cache.file))
            #expect(cache.read().isEmpty)
            #expect(BashSyntaxChecker(cache: cache).check(scripts) == truth)
            // The check wrote a sound file in its place.
            #expect(cache.read().count == 2)
        }
        var oversized = planted
        oversized.append(Data(repeating: UInt8(ascii: "#"), count: BashVerdictCache.maximumFileBytes))
        try oversized.write(to: URL(fileURLWithPath: cache.file))
        #expect(cache.read().isEmpty)
        try FileManager.default.removeItem(atPath: cache.file)
        try planted.write(to: URL(fileURLWithPath: directory.path + "/elsewhere"))
        try FileManager.default.createSymbolicLink(
            atPath: cache.file, withDestinationPath: directory.path + "/elsewhere")
        #expect(cache.read().isEmpty)
        // A file others could have written is not trusted; the same file kept to its owner is.
        try FileManager.default.removeItem(atPath: cache.file)
        try planted.write(to: URL(fileURLWithPath: cache.file))
        chmod(cache.file, 0o664)
        #expect(cache.read().isEmpty)
        chmod(cache.file, 0o644)
        #expect(cache.read().count == 1)
    }

    @Test(
        "the file keeps at most its limit of verdicts, this check's first, then the file's in order, and is replaced by rename"
    )
    func boundedAndAtomic() throws {
        let (cache, _) = try freshCache(maximumEntries: 3)
        _ = BashSyntaxChecker(cache: cache).check(["echo 1\n", "echo 2\n"])
        _ = BashSyntaxChecker(cache: cache).check(["echo 3\n", "echo 4\n"])
        let entries = cache.read()
        #expect(entries.count == 3)
        let lookup = try #require(
            cache.lookup(["echo 3\n", "echo 4\n", "echo 2\n", "echo 1\n"], executable: "/bin/bash"))
        #expect(lookup.verdicts == [.valid, .valid, nil, .valid])
        let folder = (cache.file as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["bash-verdicts"])
    }

    @Test("a check that could not run is never kept, and a verdict line is read back as written")
    func onlyVerdictsAreKept() {
        let key = String(repeating: "a", count: 64)
        #expect(BashVerdictCache.line(key: key, .unavailable("no bash")) == nil)
        for verdict: ShellSyntaxResult in [
            .valid, .invalid(message: "syntax error near `x'\there", line: 3), .invalid(message: "m", line: nil),
        ] {
            let line = BashVerdictCache.line(key: key, verdict) ?? ""
            #expect(BashVerdictCache.verdict(Substring(line)) == verdict)
        }
        #expect(BashVerdictCache.verdict(Substring(String(repeating: "A", count: 64) + "\tvalid")) == nil)
        #expect(BashVerdictCache.verdict(Substring(key + "\tinvalid\t0\tm")) == nil)
    }

    @Test("the cache lives under XDG_CACHE_HOME, else under ~/.cache")
    func location() {
        #expect(
            BashVerdictCache.defaultFile(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])
                == "/c/respond/bash-verdicts")
        #expect(BashVerdictCache.defaultFile(environment: ["HOME": "/h"]) == "/h/.cache/respond/bash-verdicts")
        #expect(
            BashVerdictCache.defaultFile(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"])
                == "/h/.cache/respond/bash-verdicts")
        #expect(BashVerdictCache.defaultFile(environment: [:]) == nil)
    }
}
