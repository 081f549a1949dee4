import Localization

extension AdherenceReport {
    /// The runbook update each deviation suggests, in `localizer`'s language, as plain text: one per skipped
    /// step, step done out of order, unlisted command and open verification item, in that order.
    public func suggestions(in localizer: Localizer) -> [Suggestion] {
        let moment = openItemsMoment(in: localizer)
        let skips = skipped.map {
            Suggestion(
                runbook: $0.runbook, step: $0.step,
                text: localizer.tr(
                    "pm.suggestion.skipped",
                    ["runbook": $0.runbook, "step": $0.step, "title": $0.title, "reason": $0.reason]))
        }
        let moves = outOfOrder.map {
            Suggestion(
                runbook: $0.runbook, step: $0.step,
                text: localizer.tr(
                    "pm.suggestion.out_of_order",
                    [
                        "runbook": $0.runbook, "step": $0.step, "title": $0.title,
                        "overtaken": $0.overtook.joined(separator: ", "),
                    ]))
        }
        let commands = unlistedCommands.map {
            Suggestion(
                runbook: $0.runbook ?? "", step: nil,
                text: localizer.tr(
                    "pm.suggestion.unlisted_command",
                    ["runbook": $0.runbook ?? localizer.tr("pm.suggestion.no_runbook"), "command": $0.command]))
        }
        let items = openItems.map {
            Suggestion(
                runbook: $0.runbook, step: nil,
                text: localizer.tr(
                    "pm.suggestion.open_item",
                    ["runbook": $0.runbook, "item": String($0.item), "text": $0.text, "moment": moment]))
        }
        return skips + moves + commands + items
    }

    /// When the open verification items were taken: `at resolution`, or `when this draft was written`.
    public func openItemsMoment(in localizer: Localizer) -> String {
        openItemsAtResolution ? localizer.tr("pm.open_items.at_resolution") : localizer.tr("pm.open_items.now")
    }
}
