/// The one rewrite of the command line before ArgumentParser reads it: the options every command shares may come
/// before the subcommand (`respond --runbooks DIR list`), where ArgumentParser would read them as options of the
/// default `guide` command and then refuse `list` as an argument of `guide`. They are moved to just after the
/// subcommand's name, where the subcommand reads them; nothing else is reordered.
enum ArgumentOrder {
    /// What to do with a command line.
    enum Outcome {
        /// Parse these arguments (the program's name left out).
        case parse([String])
        /// The first word that is not an option names no command.
        case unknownCommand(String)
    }

    /// The shared options that take a value (`--runbooks DIR` or `--runbooks=DIR`): every command's, then those of
    /// the commands that open the guide.
    static let sharedValueOptions: Set<String> = [
        "--runbooks", "--home", "--as", "--lang", "--command-timeout", "--output-cap",
    ]

    /// The shared options that take no value.
    static let sharedFlags: Set<String> = ["--no-exec"]

    /// The one word that is not an option and names no command of ours but that ArgumentParser reads itself.
    private static let helpWord = "help"

    /// The arguments with the shared options that precede the subcommand moved after its name. `commands` are the
    /// names of the subcommands. A line without a subcommand (the guide), or one that starts with anything but a
    /// shared option or a command name, is left as it is for ArgumentParser to read and report.
    static func normalized(_ arguments: [String], commands: [String]) -> Outcome {
        var leading: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if sharedFlags.contains(word) {
                leading.append(word)
                index += 1
                continue
            }
            if sharedValueOptions.contains(name) {
                let takesNext = name == word && index + 1 < arguments.endIndex
                let end = takesNext ? index + 2 : index + 1
                leading += arguments[index..<end]
                index = end
                continue
            }
            // Any other option (help, version, a completion request, a mistyped option) ends the shared ones.
            if word.hasPrefix("-") || word == helpWord { return .parse(arguments) }
            guard commands.contains(word) else { return .unknownCommand(word) }
            return .parse([word] + leading + arguments[(index + 1)...])
        }
        return .parse(arguments)
    }
}
