import FoundationEssentials
import Glibc

/// The fast half of the bash check: one bash proves thousands of blocks valid without a process each, by defining a
/// function whose body is the block. It only ever proves a block valid; whatever it cannot prove is checked again
/// with `bash -n` on its own (`BashSyntaxChecker`), which alone gives the messages and line numbers lint prints.
///
/// How: the driver, an ordinary bash (not `-n`), reads the blocks and for each runs
/// `eval "respond_lint_block() {<newline>BLOCK}"` (BLOCK ends with a newline). Defining a function parses its body
/// and runs none of it, and each `eval` string is parsed on its own, so an unclosed quote, heredoc or brace cannot
/// reach the next block. A block is proven valid when its `eval` printed nothing and returned 0.
///
/// Why that proves `bash -n` on the block alone passes, and runs nothing: the body of `f() { … }` ends only at a
/// `}` token in command position. Bash starts a token only at the text's start or after a blank or metacharacter
/// (space, tab, newline, `;`, `&`, `|`, `(`, `)`, `<`, `>`); a backslash-newline is removed first, but what it
/// leaves a `}` preceded by is a newline in the raw text. So the check is only given a block (`isSealed`) in which
/// no `}` follows any of those, nor whitespace of any kind (so carriage returns too), nor starts the block, and that
/// does not end in a backslash-newline (which would join the wrapper's own `}` to the last line). In such a block
/// no `}` can close the function, whatever quoting, heredoc, `$(…)` or `[[ … ]]` it sits in, so:
/// - the wrapper's final `}` is the only thing that can close the body; if the block leaves anything open (a quote,
///   a heredoc, a compound command), that `}` is swallowed and the `eval` fails with an end-of-file error;
/// - otherwise the body parsed is exactly the block's text, read from command position as a script's first line is,
///   as a list of complete commands: what `bash -n` accepts. `eval` stops at its first syntax error and runs
///   nothing after it, and the one command it completes is the definition, which runs nothing.
/// Blocks with such a `}` (say `{ a; }` or `f() { …; }`) go straight to `bash -n`. The driver's shell options are
/// the ones `bash -n` starts with (both are started from the same environment, non-interactive: no aliases,
/// no `extglob`), and nothing in a block is run to change them. A block bash parses differently in a function body
/// could only make the `eval` complain (an empty body, say): then `bash -n` is asked, so the verdict stays its.
/// In POSIX mode a syntax error inside `eval` ends the shell; the driver then refuses to start and every block is
/// asked of `bash -n`.
enum FunctionBodyCheck {
    /// Characters after which a `}` could start a token, and so close the function (any whitespace counts, to be
    /// safe with characters bash might treat as blanks in some locale).
    private static let tokenStarts: Set<UInt8> = Set(" \t\n\r\u{0B}\u{0C};&|()<>".utf8)

    /// Whether no `}` in `script` can close the wrapper's function body (see the type's comment).
    static func isSealed(_ script: String) -> Bool {
        var previous: UInt8?
        var beforePrevious: UInt8?
        for byte in script.utf8 {
            if byte == UInt8(ascii: "}") {
                guard let previous, !tokenStarts.contains(previous) else { return false }
            }
            beforePrevious = previous
            previous = byte
        }
        // The wrapper adds a newline when the block has none; a block ending in backslash-newline would join it.
        let last = previous == UInt8(ascii: "\n") ? beforePrevious : previous
        return last != UInt8(ascii: "\\")
    }

    /// For each script, whether one bash proved it parses (false: not proven, ask `bash -n`). Every script must be
    /// sealed. Scripts go in separated by NUL; after each, the driver prints what its `eval` said and a line with
    /// the marker and the status.
    static func proven(_ scripts: [String], executable: String, timeout: Double) -> [Bool] {
        guard !scripts.isEmpty else { return [] }
        let marker = "respond-wrapped-" + UUID().uuidString
        // `[[ -o posix ]]`: see the type's comment.
        let driver = """
            [[ -o posix ]] && exit 3
            while IFS= read -r -d '' block; do
              eval "respond_lint_block() {
            $block}" 2>&1
              printf '\\n%s %d\\n' "$1" "$?"
            done
            """
        var payload: [UInt8] = []
        for script in scripts {
            payload.append(contentsOf: script.utf8)
            if script.utf8.last != UInt8(ascii: "\n") { payload.append(UInt8(ascii: "\n")) }
            payload.append(0)
        }
        guard
            case .finished(let output) = ShellDriver.run(
                executable, ["-c", driver, "respond-lint", marker], input: payload, timeout: timeout)
        else { return scripts.map { _ in false } }
        return verdicts(String(decoding: output, as: UTF8.self), marker: marker, count: scripts.count)
    }

    /// Splits the driver's output: a script is proven only when nothing but the blank line before its marker was
    /// printed and the status is 0. Scripts the output does not reach are not proven.
    static func verdicts(_ output: String, marker: String, count: Int) -> [Bool] {
        var verdicts: [Bool] = []
        var said = false
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix(marker + " "), let status = Int(line.dropFirst(marker.count + 1)) else {
                said = said || !line.isEmpty
                continue
            }
            verdicts.append(status == 0 && !said)
            said = false
        }
        verdicts += Array(repeating: false, count: max(0, count - verdicts.count))
        return Array(verdicts.prefix(count))
    }
}
