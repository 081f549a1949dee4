/// Damages a journal line the ways a crash, a disk or a hand edit can: bytes lost, added or changed, a value
/// replaced by one of another type, the line cut short.
enum LineDamage {
    /// Bytes that change what a line means to a JSON reader.
    private static let meaningful =
        Array(#"{}[]",:\/0123456789-+.eEtrufalsn "#.utf8) + [0x00, 0x0A, 0x7F, 0x80, 0xC3, 0xE6, 0xFF]

    /// Values of every JSON type, to put in place of a value.
    private static let values = [
        "null", "true", "false", "0", "-1", "1.5", "1e3", "\"\"", "\"x\"", "{}", "[]", "{\"a\":1}",
    ]

    /// `line` with one to three damages.
    static func damage(_ line: [UInt8], using random: inout some RandomNumberGenerator) -> [UInt8] {
        var line = line
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            line = damageOnce(line, using: &random)
        }
        return line
    }

    private static func damageOnce(_ line: [UInt8], using random: inout some RandomNumberGenerator) -> [UInt8] {
        guard !line.isEmpty else { return meaningful.randomElement(using: &random).map { [$0] } ?? [] }
        var line = line
        let at = Int.random(in: 0..<line.count, using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0:
            line.remove(at: at)
        case 1:
            line.insert(meaningful.randomElement(using: &random)!, at: at)
        case 2:
            line[at] = meaningful.randomElement(using: &random)!
        case 3:
            line.removeSubrange(at...)
        default:
            // The value after a colon, up to the next comma or brace, becomes a value of another type.
            guard let colon = line[at...].firstIndex(of: UInt8(ascii: ":")) else { return line }
            let end =
                line[(colon + 1)...].firstIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") } ?? line.count
            line.replaceSubrange((colon + 1)..<end, with: Array(values.randomElement(using: &random)!.utf8))
        }
        return line
    }
}
