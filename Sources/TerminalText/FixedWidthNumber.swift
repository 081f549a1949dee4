/// Numbers written in a fixed form by hand, as `printf` writes them, so that no caller needs `String(format:)`
/// (whose formatter links all of Foundation and ICU's data into the binary): dates, file modes, tags, code points.
public enum FixedWidthNumber {
    /// `value` in base `radix` (lowercase digits unless `uppercase`), zero-padded to `width` characters as
    /// `printf("%0*d")` or `printf("%0*x")` pads it (a minus sign counts).
    public static func padded(
        _ value: some BinaryInteger, width: Int, radix: Int = 10, uppercase: Bool = false
    ) -> String {
        let digits = String(value.magnitude, radix: radix, uppercase: uppercase)
        let sign = value < 0 ? "-" : ""
        let padding = width - digits.utf8.count - sign.utf8.count
        return sign + (padding > 0 ? String(repeating: "0", count: padding) : "") + digits
    }
}
