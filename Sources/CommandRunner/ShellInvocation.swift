/// How a block is handed to bash so that its result is the block's and each command is marked in its output.
///
/// The block runs as `/bin/bash -o pipefail -c <traps><block>` (plus `-e` for a script), so a pipeline fails
/// when any part of it fails. Two traps go on the block's first line, before its own text, so that line numbers
/// in bash's messages stay the block's own:
///
/// - a `DEBUG` trap writes a marker with `$BASH_COMMAND` (the command as the block writes it, placeholders
///   filled) before each simple command runs;
/// - an `ERR` trap writes a marker with `$?` when a command fails as `set -e` counts failures (not in an `if`
///   test, before `&&` or `||`, or after `!`).
///
/// Both markers go to standard error, so they arrive in order with the output, and are framed by a random tag
/// the output cannot know, so no output can pass for one (see `MarkerScanner`). `builtin` keeps a function the
/// block defines from standing in for the traps' `printf`, and `|| :` keeps a failed write of a marker from
/// stopping a script or, under `extdebug`, skipping a command.
///
/// bash reads no file of the responder's before the block: `BASH_ENV` and `ENV` are not passed, nor
/// `SHELLOPTS` and `BASHOPTS` (which could switch on `noexec`, so that nothing runs and the block "succeeds"),
/// nor exported functions (`BASH_FUNC_…`), which could stand in for any command the confirmation showed.
struct ShellInvocation: Hashable, Sendable {
    /// The shell that runs every block.
    static let shell = "/bin/bash"

    /// The shell's arguments, starting with its path.
    let arguments: [String]
    /// The shell's environment.
    let environment: [String: String]

    /// The invocation of `request` with markers framed by `tag`.
    init(_ request: CommandRequest, tag: MarkerTag) {
        let frame = tag.printfFrame
        let traps =
            "trap 'builtin printf \"\(frame)!%d\(frame)\" \"$?\" >&2 || :' ERR;"
            + "trap 'builtin printf \"\(frame)+%s\(frame)\" \"$BASH_COMMAND\" >&2 || :' DEBUG;"
        arguments =
            [Self.shell, "-o", "pipefail"] + (request.isScript ? ["-e"] : [])
            + ["-c", traps + request.commandLine]
        environment = request.environment.filter { !Self.isWithheld($0.key) }
    }

    /// Whether a variable of the responder's environment is kept from bash (see the type's documentation).
    static func isWithheld(_ name: String) -> Bool {
        ["BASH_ENV", "ENV", "SHELLOPTS", "BASHOPTS"].contains(name) || name.hasPrefix("BASH_FUNC_")
    }
}

/// The random tag that frames the markers of one run: `RS` (0x1E) and 16 hexadecimal digits.
struct MarkerTag: Hashable, Sendable {
    /// The frame's bytes: `RS` then the digits.
    let bytes: [UInt8]

    /// A fresh tag from the system's random number generator.
    init() {
        var generator = SystemRandomNumberGenerator()
        self.init(digits: String(generator.next() as UInt64, radix: 16))
    }

    /// A tag of the given hexadecimal digits, padded with zeros to 16.
    init(digits: String) {
        let padded = String(repeating: "0", count: max(0, 16 - digits.count)) + digits
        bytes = [0x1E] + Array(padded.utf8)
    }

    /// The frame as `printf` writes it from its format: `\036` for `RS` (three octal digits, so the digits after
    /// it are never read as part of it), then the digits.
    var printfFrame: String {
        "\\036" + String(decoding: bytes.dropFirst(), as: UTF8.self)
    }
}
