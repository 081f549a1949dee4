import ArgumentParser

/// `respond manual` (not listed in the help): prints the manual page `docs/respond.1`, made from the commands'
/// own help, so that the page cannot say anything the commands do not. `make man` writes it; a test fails when
/// the checked-in page differs from what this prints.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual", abstract: "Print the manual page (roff), as docs/respond.1 holds it.",
        shouldDisplay: false)

    func run() {
        print(ManualPage.render(), terminator: "")
    }
}

/// The manual page in roff: a fixed frame (synopsis, exit status, environment, files) around every listed
/// command's help screen, wrapped at a fixed width so that the page does not depend on the terminal it is made in.
enum ManualPage {
    /// The page's text.
    static func render() -> String {
        var lines = [
            ".TH RESPOND 1 \"\" \"respond \(respondVersion)\" \"User Commands\"",
            ".SH NAME",
            "respond \\- " + escaped(Respond.configuration.abstract),
            ".SH SYNOPSIS",
            ".B respond",
            "[\\fIcommand\\fR] [\\fIoptions\\fR] [\\fIarguments\\fR]",
            ".SH DESCRIPTION",
            "Without a command, respond opens the runbook catalog in the terminal.",
            "The options every command shares (\\fB\\-\\-runbooks\\fR, \\fB\\-\\-home\\fR, \\fB\\-\\-as\\fR,",
            "\\fB\\-\\-lang\\fR) may come",
            "before or after the command's name.",
            ".SH COMMANDS",
        ]
        let commands = Respond.configuration.subcommands.filter { $0.configuration.shouldDisplay }
        for command in commands {
            lines.append(".SS \"respond \(command._commandName)\"")
            lines.append(".nf")
            let help = Respond.helpMessage(for: command, columns: 78)
            lines += help.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }
            lines.append(".fi")
        }
        lines += [
            ".SH EXIT STATUS",
            ".TP", "0", "Success.",
            ".TP", "1",
            "An error: an incident or runbook that cannot be found or read, a journal that refuses the event,",
            "lint errors.",
            ".TP", "2", "The guide found no usable terminal.",
            ".TP", "3", "The guide quit with events in a rescue file rather than in the journal.",
            ".TP", "64", "A usage error: an unknown command or option, or a value that cannot be read.",
            ".SH ENVIRONMENT",
            ".TP", ".B RESPOND_RUNBOOKS", "The runbook directory when \\fB\\-\\-runbooks\\fR is not given.",
            ".TP", ".B RESPOND_HOME", "Where incidents are kept when \\fB\\-\\-home\\fR is not given.",
            ".TP", ".B RESPOND_ACTOR",
            "Who is acting when \\fB\\-\\-as\\fR is not given (else the account's login name).",
            ".TP", ".B RESPOND_NO_EXEC", "Set to 1 to never run a runbook's commands from the guide.",
            ".TP", ".B RESPOND_LANG",
            "The language of messages when \\fB\\-\\-lang\\fR is not given: en or zh-TW (also zh_TW, zh-Hant);",
            "else \\fBLC_ALL\\fR, \\fBLC_MESSAGES\\fR, \\fBLANG\\fR (zh_TW, zh_HK, zh_Hant locales: zh-TW; any other: en).",
            ".TP", ".B RESPOND_ALERTMANAGER",
            "The Alertmanager when \\fB\\-\\-alertmanager\\fR is not given: \\fBalerts\\fR lists what it fires, and the",
            "guide's catalog shows its firing alerts.",
            ".TP", ".B RESPOND_ALERTS_INTERVAL",
            "Seconds between two reads of the firing alerts in the guide (default 30).",
            ".SH FILES",
            ".TP", ".I incidents/<id>/timeline.jsonl",
            "An incident's journal, under the incident home.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as roff prints it literally: backslashes doubled as `\e`, and a line that starts with a period or
    /// an apostrophe (a roff request) guarded with `\&`.
    static func escaped(_ text: String) -> String {
        let plain = text.replacingScalars(of: "\\", with: "\\e")
        return plain.hasPrefix(".") || plain.hasPrefix("'") ? "\\&" + plain : plain
    }
}
