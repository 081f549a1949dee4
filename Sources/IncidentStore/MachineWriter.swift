import FoundationEssentials
import Glibc
import TerminalText

/// Which machine writes: the id that names this machine's journal file in an incident synced through git
/// (`timeline@<writer>.jsonl`), so that no two machines ever append to the same file.
///
/// A writer id is 1 to 63 lowercase letters, digits and `-`, starting with a letter or a digit: safe in a file
/// name, in a git path and on a terminal, whatever a host name or an environment holds.
public enum MachineWriter {
    /// The environment variable that names this machine's writer id, overriding the one made from the host.
    public static let environmentKey = "RESPOND_WRITER"

    /// Whether `id` is a valid writer id.
    public static func isValid(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...63).contains(bytes.count), let first = bytes.first, isLowerAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// The writer id appends in `home` are made under: `RESPOND_WRITER` when set; else, when the home is a git
    /// work tree (it has `.git`), one made from the host name and the machine id; else none, and every append
    /// goes to the incident's own `timeline.jsonl` as on a machine that shares nothing. A `RESPOND_WRITER` that is
    /// not a valid id is an error that says what one looks like.
    public static func resolve(home: String, environment: [String: String]) throws(IncidentStoreError) -> String? {
        if let given = environment[environmentKey] {
            guard isValid(given) else { throw IncidentStoreError.invalidWriter(given) }
            return given
        }
        var info = stat()
        guard lstat(home + "/.git", &info) == 0 else { return nil }
        return fromHost(hostName(), machineID: try? String(contentsOfFile: "/etc/machine-id", encoding: .utf8))
    }

    /// The id made from a host name and a machine id: the host name in lowercase with every other character a
    /// `-` (at most 40 of them), then `-` and eight hex digits of a hash of the machine id, so that two laptops
    /// both called `laptop` are two writers. Without a machine id the host name alone.
    public static func fromHost(_ host: String, machineID: String?) -> String {
        var name = ""
        for scalar in host.lowercased().unicodeScalars {
            let ascii = scalar.isASCII ? UInt8(scalar.value) : 0
            let kept: Character = isLowerAlphanumeric(ascii) ? Character(scalar) : "-"
            if kept == "-", name.isEmpty || name.hasSuffix("-") { continue }
            name.append(kept)
        }
        while name.hasSuffix("-") { name.removeLast() }
        name = String(name.prefix(40))
        while name.hasSuffix("-") { name.removeLast() }
        if name.isEmpty { name = "machine" }
        let trimmed = machineID?.trimmingScalars(in: .whitespacesAndNewlines) ?? ""
        guard !trimmed.isEmpty else { return name }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in trimmed.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return name + "-" + FixedWidthNumber.padded(hash >> 32, width: 8, radix: 16)
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
