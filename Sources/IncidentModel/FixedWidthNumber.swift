/// Numbers written in a fixed form by hand, as `printf` writes them, so that no caller needs `String(format:)`
/// (whose formatter links all of Foundation and ICU's data into the binary).
public enum FixedWidthNumber {
    /// `value` in decimal, zero-padded to `width` characters as `printf("%0*d")` pads it (a minus sign counts).
    public static func padded(_ value: some BinaryInteger, width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let padding = width - digits.utf8.count - sign.utf8.count
        return sign + (padding > 0 ? String(repeating: "0", count: padding) : "") + digits
    }
}
