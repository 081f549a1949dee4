/// How a placeholder is written in a runbook command.
public enum PlaceholderForm: String, Hashable, Sendable {
    /// `<pod-name>`, `<NAMESPACE>`, `<pod name>`: a name in angle brackets (never `<none>` or `<stdin>`).
    case angle
    /// `$SERVICE`: an upper-case shell variable.
    case variable
    /// `${NAMESPACE}`, or `${NAMESPACE:-default}` which carries a default.
    case bracedVariable
    /// `{{ host }}`, `{{host}}` or `{{ $labels.namespace }}`: a bare identifier or an alert label in double
    /// braces (Go templates such as `{{.Status}}` and Hugo shortcodes such as `{{< ref >}}` are not).
    case moustache
    /// `[POD_NAME]`: an upper-case name in square brackets, as a word of its own.
    case bracket
}

/// A value the responder has to give before a command can run.
public struct Placeholder: Hashable, Sendable {
    /// The name values are keyed by: `pod-name`, `NAMESPACE`, `host`.
    public var name: String
    /// How it is first written.
    public var form: PlaceholderForm
    /// The text as first written, e.g. `<pod-name>` or `${NAMESPACE:-default}`.
    public var token: String
    /// The default the command itself gives (`${NAME:-default}`), if any.
    public var defaultValue: String?

    /// Creates a placeholder.
    public init(name: String, form: PlaceholderForm, token: String, defaultValue: String? = nil) {
        self.name = name
        self.form = form
        self.token = token
        self.defaultValue = defaultValue
    }
}

/// A command line with the responder's values put in, and what was done to make them safe.
public struct FilledCommand: Hashable, Sendable {
    /// The command line to show in the confirmation and to run.
    public var commandLine: String
    /// Names whose values were quoted or escaped on the way in (they held spaces or shell metacharacters);
    /// the confirmation should say so, since the line then differs from what was typed.
    public var quoted: [String]
    /// Names no value was given for; their placeholders are left as written.
    public var unfilled: [String]

    /// Creates a filled command.
    public init(commandLine: String, quoted: [String], unfilled: [String]) {
        self.commandLine = commandLine
        self.quoted = quoted
        self.unfilled = unfilled
    }
}

/// A runbook code block seen as a command to copy or run: its placeholders, whether it may run, and whether it
/// runs as a script. Pure.
///
/// Placeholders are found where the shell would see them: `$VAR` forms outside single quotes and comments (so
/// awk's `'{print $NF}'` is not one), `<name>` and `{{ name }}` anywhere but comments. Upper-case variables the
/// block assigns itself (`NAME=…`, `for NAME in`, `read NAME`) and the shell's own (`$HOME`, `$PATH` …) are not
/// placeholders.
///
/// Running: every block runs as one `bash -o pipefail -c` of its whole text, so each command runs in turn
/// whatever the one before returned, as if typed into a terminal, and the block's status is its first failing
/// command's (see CommandRunner's `ShellInvocation`). A **script** block (fenced as `bash script` /
/// `sh script`, or whose first line is `# respond: script`) runs with `bash -e` instead: it stops at the first
/// failing command. A block with a `# respond: no-run` line can be copied but never run, and so can a block that names no
/// language unless it looks like shell.
public struct CommandTemplate: Hashable, Sendable {
    /// The command text: the block's code without its trailing newlines.
    public let text: String
    /// The placeholders in order of first appearance, each name once.
    public let placeholders: [Placeholder]
    /// False when the block has a `# respond: no-run` line, is a transcript's output, or names no language and
    /// does not look like shell (`ShellLook`).
    public let isRunnable: Bool
    /// True when the block runs as one script with `bash -e` semantics (see the type's documentation).
    public let isScript: Bool

    private let characters: [Character]
    private let occurrences: [PlaceholderOccurrence]

    /// The marker line that keeps a block from being run.
    public static let noRunMarker = "# respond: no-run"
    /// The first-line marker that makes a block a script.
    public static let scriptMarker = "# respond: script"

    /// Reads a runbook code block.
    public init(_ block: CodeBlock) {
        self.init(code: block.code, info: block.info)
    }

    /// Reads command text with the fence's info string (`bash`, `bash script`).
    public init(code: String, info: String = "") {
        text = Self.text(of: code)
        characters = Array(text)
        let scanner = CommandTemplateScanner(characters)
        let ownVariables = ShellVariables.assigned(in: self.text).union(ShellVariables.environment)
        occurrences = scanner.occurrences.filter { occurrence in
            occurrence.form != .variable && occurrence.form != .bracedVariable
                || !ownVariables.contains(occurrence.name)
        }
        var seen = Set<String>()
        var placeholders: [Placeholder] = []
        for occurrence in occurrences where seen.insert(occurrence.name).inserted {
            placeholders.append(
                Placeholder(
                    name: occurrence.name, form: occurrence.form,
                    token: String(characters[occurrence.range]), defaultValue: occurrence.defaultValue))
        }
        self.placeholders = placeholders
        let hasMarker = Self.mentionsMarker(text)
        isRunnable = Self.mayRun(info: info, code: text) && (!hasMarker || !Self.hasNoRunLine(text))
        let firstLine = hasMarker ? text.split(separator: "\n").lazy.map(Self.trimmed).first { !$0.isEmpty } ?? "" : ""
        isScript =
            info.split(separator: " ").dropFirst().contains("script")
            || firstLine.lowercased() == Self.scriptMarker
    }

    /// The command line with each given value in place of its placeholder (see `filling(with:)`).
    public func filled(with values: [String: String]) -> String {
        filling(with: values).commandLine
    }

    /// Puts each given value in place of its placeholder, quoted for where it lands so the shell reads it as
    /// one literal word: outside quotes a value with spaces or metacharacters is single-quoted; inside `"…"`
    /// `\`, `"`, `$` and `` ` `` are backslash-escaped; inside `'…'` a `'` becomes `'\''`. A value made of
    /// letters, digits and `@%+=:,./_-` goes in exactly as typed. Placeholders without a value stay as written.
    public func filling(with values: [String: String]) -> FilledCommand {
        var result = ""
        var position = 0
        var quoted: [String] = []
        var unfilled: [String] = []
        for occurrence in occurrences {
            result += String(characters[position..<occurrence.range.lowerBound])
            position = occurrence.range.upperBound
            guard let value = values[occurrence.name] else {
                result += String(characters[occurrence.range])
                if !unfilled.contains(occurrence.name) { unfilled.append(occurrence.name) }
                continue
            }
            let safe = ShellQuote.value(value, for: occurrence.quoting)
            if safe != value, !quoted.contains(occurrence.name) { quoted.append(occurrence.name) }
            result += safe
        }
        result += String(characters[position...])
        return FilledCommand(commandLine: result, quoted: quoted, unfilled: unfilled)
    }

    /// The command text with its comments blanked out, for checks that must not read them.
    public var textWithoutComments: String {
        let scanner = CommandTemplateScanner(characters)
        var result = ""
        var position = 0
        for comment in scanner.comments {
            result += String(characters[position..<comment.lowerBound])
            position = comment.upperBound
        }
        result += String(characters[position...])
        return result
    }

    /// Whether the code may be run: no line of it is the no-run marker. Cheap enough for every frame (the
    /// walkthrough's title line of a selected block says so): a text that does not mention a marker at all is
    /// not read line by line.
    public static func isRunnable(_ code: String) -> Bool {
        !mentionsMarker(code) || !hasNoRunLine(code)
    }

    /// Whether a block may be run: it is not a transcript's output, it names a language or looks like shell
    /// (`ShellLook`), and no line of it is the no-run marker.
    public static func isRunnable(_ block: CodeBlock) -> Bool {
        mayRun(info: block.info, code: block.code) && isRunnable(block.code)
    }

    /// Whether a block without a `# respond: no-run` line may still not be run because of what it is: a
    /// transcript's output lines, or a block without a language that does not look like shell.
    public static func isRunnableKind(_ block: CodeBlock) -> Bool {
        mayRun(info: block.info, code: block.code)
    }

    /// Whether a fence's info string allows running: a transcript's output lines (`ConsoleTranscript`) and a
    /// Prometheus query fenced as shell (`ShellLook.looksLikeQuery`) are shown and copied, never run; a block that
    /// names no language runs only when its code looks like shell, as such a
    /// block in a foreign library is as often configuration or expected output as commands.
    private static func mayRun(info: String, code: String) -> Bool {
        guard let language = info.split(separator: " ").first else { return ShellLook.looksLikeShell(code) }
        let lowered = ASCIICase.lowercased(String(language))
        if Linter.shellLanguages.contains(lowered), ShellLook.looksLikeQuery(code) { return false }
        return lowered != ConsoleTranscript.outputLanguage
    }

    /// The command text of a block's code, as `text` has it: without its trailing newlines.
    public static func text(of code: String) -> String {
        var text = Substring(code)
        while let last = text.last, last.isNewline { text.removeLast() }
        return String(text)
    }

    /// Whether the code mentions a `# respond:` marker at all; a code that does not is not read line by line.
    private static func mentionsMarker(_ code: String) -> Bool {
        ASCIICase.contains(code, "respond:")
    }

    /// Whether a line of the code is the no-run marker.
    private static func hasNoRunLine(_ code: String) -> Bool {
        code.split(separator: "\n").contains { trimmed($0).lowercased() == noRunMarker }
    }

    /// The line without leading and trailing whitespace.
    private static func trimmed(_ line: Substring) -> Substring {
        line.trimmingCharacters(in: TrimmedScalars.unicodeWhitespace)
    }
}

/// Quoting a typed value for the place in shell syntax it goes.
enum ShellQuote {
    private static let plain = Set("@%+=:,./_-")

    static func value(_ value: String, for quoting: ShellQuoting) -> String {
        switch quoting {
        case .unquoted:
            if !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || plain.contains($0) }) { return value }
            return "'" + value.replacingAll("'", with: "'\\''") + "'"
        case .singleQuoted:
            return value.replacingAll("'", with: "'\\''")
        case .doubleQuoted:
            return escaping(value, "\\\"$`")
        case .expandingHeredoc:
            return escaping(value, "\\$`")
        case .literalHeredoc:
            return value
        }
    }

    private static func escaping(_ value: String, _ special: String) -> String {
        var result = ""
        for character in value {
            if special.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

/// Upper-case shell variables that are not placeholders.
enum ShellVariables {
    /// Variables the shell or the login session sets.
    static let environment: Set<String> = [
        "HOME", "PATH", "USER", "LOGNAME", "PWD", "OLDPWD", "SHELL", "TERM", "TMPDIR", "HOSTNAME", "LANG", "LC_ALL",
        "IFS", "PPID", "RANDOM", "SECONDS", "LINENO", "UID", "EUID", "EDITOR", "PAGER",
    ]

    /// Names the text assigns itself: `NAME=…` (also after `export`, `local`, `readonly`), `for NAME in`,
    /// `read [-r] NAME…`.
    static func assigned(in text: String) -> Set<String> {
        var names = Set<String>()
        for line in text.split(separator: "\n") {
            let words = line.split(whereSeparator: {
                $0 == " " || $0 == "\t" || $0 == ";" || $0 == "(" || $0 == "&" || $0 == "|"
            })
            for (offset, word) in words.enumerated() {
                if let equals = word.firstIndex(of: "="), isName(word[..<equals]) {
                    names.insert(String(word[..<equals]))
                }
                if word == "for", offset + 2 < words.count, words[offset + 2] == "in", isName(words[offset + 1]) {
                    names.insert(String(words[offset + 1]))
                }
                if word == "read" {
                    for name in words[(offset + 1)...].prefix(while: { isName($0) || $0.hasPrefix("-") })
                    where isName(name) {
                        names.insert(String(name))
                    }
                }
            }
        }
        return names
    }

    private static func isName(_ word: Substring) -> Bool {
        guard let first = word.first, first.isASCII, first.isUppercase else { return false }
        return word.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
