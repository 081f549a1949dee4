import Crypto
import FoundationEssentials
import Glibc

/// Verdicts of `bash -n` found by earlier lints, kept in one file so that a second lint of a library asks bash only
/// about the blocks that changed.
///
/// A verdict is found by the SHA-256 of the block's text together with the bash that judged it (its path, version
/// and the options it starts with), so a block never gets another block's verdict nor another bash's. The file
/// begins with a line naming its format and the SHA-256 of the rest: a file cut short, damaged, too large, not a
/// regular file or in any way not what this type writes is ignored whole, never read into a verdict. It holds at
/// most `maximumEntries` verdicts, the ones used last first, and is replaced atomically (written beside it, then
/// renamed), so a lint that stops half way leaves the previous file. A check that could not run is never kept.
public struct BashVerdictCache: Sendable {
    /// The cache file.
    public var file: String
    /// How many verdicts the file keeps at most.
    public var maximumEntries: Int

    /// A file larger than this is not read (ignored, and replaced by the next lint).
    static let maximumFileBytes = 16 << 20
    private static let header = "respond bash -n verdicts 1"

    /// A cache in `file`.
    public init(file: String, maximumEntries: Int = 50_000) {
        self.file = file
        self.maximumEntries = maximumEntries
    }

    /// `$XDG_CACHE_HOME/respond/bash-verdicts`, else `~/.cache/respond/bash-verdicts`; nil when neither is known.
    public static func defaultFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return cache + "/respond/bash-verdicts"
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.cache/respond/bash-verdicts"
    }

    /// What a lookup found: each script's key and cached verdict, and the file's entries to keep when storing.
    public struct Lookup: Sendable {
        var keys: [String]
        var verdicts: [ShellSyntaxResult?]
        var stored: [(key: String, line: Substring)]
    }

    /// The cached verdict of each script for the bash at `executable`; nil when that bash cannot say who it is
    /// (then nothing is cached).
    public func lookup(_ scripts: [String], executable: String) -> Lookup? {
        guard let identity = Self.identity(of: executable) else { return nil }
        let keys = scripts.map { script in
            var hash = SHA256()
            hash.update(data: Array(identity.utf8))
            hash.update(data: [0])
            hash.update(data: Array(script.utf8))
            return Self.hex(hash.finalize())
        }
        let stored = read()
        var byKey: [String: ShellSyntaxResult] = [:]
        for entry in stored where byKey[entry.key] == nil {
            byKey[entry.key] = Self.verdict(entry.line)
        }
        return Lookup(keys: keys, verdicts: keys.map { byKey[$0] }, stored: stored)
    }

    /// Keeps `verdicts` (one for each key of `lookup`) ahead of the entries read before, up to `maximumEntries`,
    /// and replaces the file. A cache that cannot be written is left as it was: lint goes on without it.
    public func store(_ verdicts: [ShellSyntaxResult], lookup: Lookup) {
        var lines: [Substring] = []
        var kept = Set<String>()
        for (key, verdict) in zip(lookup.keys, verdicts) where lines.count < maximumEntries {
            guard let line = Self.line(key: key, verdict), kept.insert(key).inserted else { continue }
            lines.append(Substring(line))
        }
        for entry in lookup.stored where lines.count < maximumEntries && kept.insert(entry.key).inserted {
            lines.append(entry.line)
        }
        let body = lines.map { $0 + "\n" }.joined()
        let text = Self.header + "\n" + Self.checksum(of: body) + "\n" + body
        let directory = FilePaths.deletingLastComponent(of: file)
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            return
        }
    }

    /// The SHA-256 of `text` in hex: what the file's second line holds of the rest, so that damage is seen.
    static func checksum(of text: some StringProtocol) -> String {
        hex(SHA256.hash(data: Array(text.utf8)))
    }

    /// A digest's bytes as lowercase hex.
    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(SHA256.Digest.byteCount * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The entries of the file, in its order; none when it is missing or not exactly what `store` writes.
    func read() -> [(key: String, line: Substring)] {
        var info = stat()
        guard lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
            // A verdict is trusted only from a file no one else could have written.
            info.st_uid == geteuid(), info.st_mode & 0o022 == 0, Int(info.st_size) <= Self.maximumFileBytes,
            let data = FileManager.default.contents(atPath: file), data.count <= Self.maximumFileBytes,
            let text = String(data: data, encoding: .utf8)
        else { return [] }
        let parts = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == Self.header, parts[1] == Self.checksum(of: parts[2]) else { return [] }
        var entries: [(key: String, line: Substring)] = []
        for line in parts[2].split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t"), Self.verdict(line) != nil else { return [] }
            entries.append((String(line[..<tab]), line))
        }
        return entries
    }

    /// An entry: `KEY<tab>valid`, or `KEY<tab>invalid<tab>LINE<tab>MESSAGE` with `-` for no line.
    static func line(key: String, _ verdict: ShellSyntaxResult) -> String? {
        switch verdict {
        case .valid:
            return key + "\tvalid"
        case .invalid(let message, let line):
            guard !message.unicodeScalars.contains("\n") else { return nil }
            return key + "\tinvalid\t" + (line.map(String.init) ?? "-") + "\t" + message
        case .unavailable:
            return nil
        }
    }

    /// The verdict of an entry, nil when it is not one `line(key:_:)` writes.
    static func verdict(_ line: Substring) -> ShellSyntaxResult? {
        let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count >= 2, fields[0].count == 64,
            fields[0].utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else { return nil }
        switch (fields[1], fields.count) {
        case ("valid", 2):
            return .valid
        case ("invalid", 4):
            if fields[2] == "-" { return .invalid(message: String(fields[3]), line: nil) }
            guard let number = Int(fields[2]), number > 0 else { return nil }
            return .invalid(message: String(fields[3]), line: number)
        default:
            return nil
        }
    }

    /// Who the bash at `executable` is, as far as its verdicts go: its path, version and the options it starts
    /// with from this environment (`BASHOPTS` may turn on `extglob`, which changes what parses).
    static func identity(of executable: String) -> String? {
        let script = #"printf '%s\n' "$BASH_VERSION" "$BASHOPTS" "$SHELLOPTS" "${POSIXLY_CORRECT+posix}""#
        guard case .finished(let output) = ShellDriver.run(executable, ["-c", script], input: [], timeout: 10),
            !output.isEmpty
        else { return nil }
        return executable + "\n" + String(decoding: output, as: UTF8.self)
    }
}
