import CNcursesw
import FoundationEssentials
import Glibc
import TerminalFrame

/// The real terminal through ncursesw: draws frames cell by cell with the wide-character API and reads keys
/// with `get_wch`, pastes bracketed by the terminal arriving as one `.paste` (see `InputDecoder`). It holds no
/// logic of the guide; Ctrl-Z suspension is the only key it acts on itself.
public final class CursesScreen: TerminalBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var colors: ColorPairs
    private var lastFrame: Frame?
    private var cursorVisible = true
    private var decoder = InputDecoder()
    /// Events decoded from one read beyond the one returned, handed out before anything is read again.
    private var decoded: [TerminalEvent] = []

    /// Starts curses on the controlling terminal (stdin/stdout), after `TerminalGuard.install()`.
    public init(term: String) throws(CursesError) {
        ProcessLocale.activateUTF8()
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
            let screen = newterm(term, output, input)
        else { throw .cannotStart(term: term) }
        self.screen = screen
        set_term(screen)
        guard let window = respond_stdscr() else {
            endwin()
            throw .cannotStart(term: term)
        }
        self.window = window
        TerminalGuard.setCursesActive(true)
        // ncurses installs its own SIGTSTP handler; the guide suspends itself on Ctrl-Z instead, so that the
        // terminal is given back and repainted in one place.
        signal(SIGTSTP, SIG_DFL)
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        var colorEnabled = false
        var defaultColors = false
        if has_colors() {
            colorEnabled = start_color() == OK
            defaultColors = use_default_colors() == OK
        }
        colors = ColorPairs(enabled: colorEnabled, defaultColors: defaultColors)
        setCursor(visible: false)
        // Pasted text must reach the guide as text, never as keys; TerminalGuard turns this off on every way out.
        TerminalGuard.setBracketedPaste(true)
    }

    deinit {
        close()
    }

    /// Gives the terminal back to the shell; safe to call more than once.
    public func close() {
        TerminalGuard.restoreCurses()
    }

    /// The window's size in columns and rows.
    public var size: (width: Int, height: Int) {
        (Int(respond_maxx(window)), Int(respond_maxy(window)))
    }

    /// Draws the cells that changed since the last frame and places the cursor.
    public func present(_ frame: Frame) {
        let (width, height) = size
        let previous = lastFrame.flatMap { $0.width == frame.width && $0.height == frame.height ? $0 : nil }
        if previous == nil { werase(window) }
        for row in 0..<min(frame.height, height) {
            for column in 0..<min(frame.width, width) {
                let cell = frame[column, row]
                if cell.isContinuation { continue }
                if let previous, previous[column, row] == cell, previous[column + 1, row] == frame[column + 1, row] {
                    continue
                }
                let span = frame[column + 1, row].isContinuation && column + 1 < frame.width ? 2 : 1
                draw(cell, column: column, row: row, span: span, lastRow: row == height - 1, width: width)
            }
        }
        if let cursor = frame.cursor, cursor.column < width, cursor.row < height {
            setCursor(visible: true)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            setCursor(visible: false)
        }
        wnoutrefresh(window)
        doupdate()
        lastFrame = frame
    }

    /// Reads one key, paste or resize, waiting at most `timeout` seconds; input the guide has no use for is
    /// skipped.
    public func nextEvent(timeout: Double) -> TerminalEvent {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if !decoded.isEmpty {
                let event = decoded.removeFirst()
                if event == .key(.control("z")) { return suspend() }
                return event
            }
            let now = Date()
            if let due = decoder.deadline, due <= now {
                decoded = decoder.expire(at: now)
                continue
            }
            let remaining = min(deadline.timeIntervalSince(now), decoder.deadline?.timeIntervalSince(now) ?? .infinity)
            if deadline.timeIntervalSince(now) <= 0 { return .tick }
            wtimeout(window, Int32(max(1, (remaining * 1000).rounded(.up))))
            var code: wint_t = 0
            let result = wget_wch(window, &code)
            if result == KEY_CODE_YES {
                if Int32(code) == KEY_RESIZE { return resized() }
                decoded = decoder.feed(.functionKey(Int32(code)), at: Date())
            } else if result == OK {
                decoded = decoder.feed(.character(UInt32(code)), at: Date())
            } else if TerminalGuard.pendingSignal != nil {
                return .tick
            }
        }
    }

    private func resized() -> TerminalEvent {
        lastFrame = nil
        let (width, height) = size
        return .resize(width: width, height: height)
    }

    /// Ctrl-Z: give the terminal back, stop like any shell job, and repaint everything when continued.
    private func suspend() -> TerminalEvent {
        endwin()
        TerminalGuard.setBracketedPaste(false)
        raise(SIGTSTP)
        TerminalGuard.setBracketedPaste(true)
        // Continued: the next update leaves the shell's modes; repaint from scratch, the screen is the shell's.
        if let screen = respond_curscr() { clearok(screen, true) }
        return resized()
    }

    private func setCursor(visible: Bool) {
        guard visible != cursorVisible else { return }
        curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }

    private func draw(_ cell: Cell, column: Int, row: Int, span: Int, lastRow: Bool, width: Int) {
        var characters: [wchar_t] = Array(
            cell.symbol.unicodeScalars.prefix(Int(CCHARW_MAX)).map { scalar in
                scalar.value < 32 || (0x7F..<0xA0).contains(scalar.value) ? 0x3F : wchar_t(scalar.value)
            }
        )
        if characters.isEmpty { characters = [0x20] }
        characters.append(0)
        var character = cchar_t()
        setcchar(&character, characters, attributes(cell.style), colors.pair(for: cell.style), nil)
        if lastRow && column + span >= width {
            // Adding at the bottom-right corner would move the cursor past the screen; inserting does not.
            mvwins_wch(window, Int32(row), Int32(column), &character)
        } else {
            mvwadd_wch(window, Int32(row), Int32(column), &character)
        }
    }

    private func attributes(_ style: Style) -> attr_t {
        var attributes = respond_a_normal()
        if style.bold { attributes |= respond_a_bold() }
        if style.dim { attributes |= respond_a_dim() }
        if style.reverse { attributes |= respond_a_reverse() }
        if style.underline { attributes |= respond_a_underline() }
        return attributes
    }
}
