import CommandRunner
import FoundationEssentials
import IncidentModel
import Localization

extension CommandResult {
    /// `summary` in the words of `localizer`: how the command ended and how long it took, then what its output
    /// file did not keep and why it is incomplete.
    func summary(in localizer: Localizer) -> String {
        let duration = EventWording.oneDecimal(durationSeconds) + "s"
        let ending: String
        switch (stoppedBecause, exitCode) {
        case (.cancelled, _): ending = localizer.tr("ui.command.summary.cancelled", ["duration": duration])
        case (.timedOut, _): ending = localizer.tr("ui.command.summary.timed_out", ["duration": duration])
        case (nil, let code?):
            ending = localizer.tr("ui.command.summary.exit", ["code": "\(code)", "duration": duration])
        case (nil, nil):
            ending = localizer.tr("ui.command.summary.signal", ["signal": "\(signal ?? 0)", "duration": duration])
        }
        let dropped =
            outputDroppedBytes > 0
            ? localizer.tr(
                "ui.command.summary.not_kept",
                ["bytes": ByteSize.format(outputDroppedBytes), "cap": ByteSize.format(outputCap)])
            : ""
        let incomplete = outputFileProblem.map { localizer.tr("ui.command.summary.incomplete", ["problem": $0]) }
        return ending + dropped + (incomplete ?? "")
    }
}
