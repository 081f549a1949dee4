/// Sizes of output as the responder writes and reads them: `20M`, `512K`, `1G` or a number of bytes, each unit
/// 1024 times the one before.
public enum ByteSize {
    /// The multiplier of each unit letter, either case.
    private static let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]

    /// The bytes `text` stands for (`20M`, `512k`, `1048576`, an optional `B` or `iB` after the unit), or nil
    /// when it is not such a size or does not fit an `Int`.
    public static func parse(_ text: String) -> Int? {
        var rest = Substring(text.uppercased())
        if rest.hasSuffix("IB") {
            rest = rest.dropLast(2)
        } else if rest.hasSuffix("B") {
            rest = rest.dropLast()
        }
        var multiplier = 1
        if let last = rest.last, let unit = units[last] {
            multiplier = unit
            rest = rest.dropLast()
        } else if text.uppercased().hasSuffix("IB") {
            return nil
        }
        guard !rest.isEmpty, rest.allSatisfy(\.isASCII), rest.allSatisfy(\.isNumber), let number = Int(rest) else {
            return nil
        }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : bytes
    }

    /// A size for people: `512 bytes`, `1.5 KiB`, `20 MiB`, `3.2 GiB`, one decimal when it is not whole.
    public static func format(_ bytes: Int) -> String {
        guard bytes >= 1 << 10 else { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        let names = ["KiB", "MiB", "GiB", "TiB"]
        var unit = 0
        var value = Double(bytes) / 1024
        while value >= 1024, unit < names.count - 1 {
            value /= 1024
            unit += 1
        }
        let tenths = (value * 10).rounded()
        let text = tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
        return "\(text) \(names[unit])"
    }
}
