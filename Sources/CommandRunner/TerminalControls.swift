/// Removes what a terminal would interpret from command output: escape sequences (CSI, OSC, DCS, SOS, PM, APC
/// and two-character escapes), other C0 and C1 controls and DEL. Tabs become four spaces; line breaks are the
/// caller's to split on. Pure.
enum TerminalControls {
    static func strip(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B:
                skipEscape(&scalars)
            case 0x9B:
                skipCSI(&scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                skipString(&scalars)
            case 0x09:
                result.append(contentsOf: "    ".unicodeScalars)
            case 0x0A:
                result.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let next = scalars.next() else { return }
        switch next {
        case "[": skipCSI(&scalars)
        case "]", "P", "X", "^", "_": skipString(&scalars)
        default:
            // nF escapes (ESC, intermediates 0x20–0x2F, final byte) such as `ESC ( B`.
            var current = next
            while (0x20...0x2F).contains(current.value), let following = scalars.next() { current = following }
        }
    }

    private static func skipCSI(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let scalar = scalars.next(), !(0x40...0x7E).contains(scalar.value) {}
    }

    /// Skips an OSC, DCS, SOS, PM or APC body up to BEL or the string terminator (`ESC \` or 0x9C).
    private static func skipString(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let scalar = scalars.next() {
            if scalar.value == 0x07 || scalar.value == 0x9C { return }
            if scalar.value == 0x1B {
                _ = scalars.next()
                return
            }
        }
    }
}
