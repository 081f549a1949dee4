import FoundationEssentials
import IncidentModel

extension PostmortemDraft {
    /// The Detection section's line naming an alert the incident was opened from: its name, its labels (but
    /// `alertname`, which the name already says), when it began firing and a link to the rule that raised it.
    /// Every value came from Alertmanager, so each is escaped rather than trusted as markdown.
    func detectionAlert(_ alert: AlertRecord) -> String {
        let labels = alert.labels.filter { $0.key != "alertname" }.sorted { $0.key < $1.key }
            .map { MarkdownEscape.codeSpan("\($0.key)=\($0.value)") }.joined(separator: ", ")
        let link = alert.generatorURL.flatMap { url in
            url.isEmpty
                ? nil
                : "[" + MarkdownEscape.inline(tr("pm.detection.alert_link_text")) + "]("
                    + MarkdownEscape.destination(url) + ")"
        }
        let values = [
            "alert": MarkdownEscape.codeSpan(alert.name),
            "labels": labels.isEmpty ? "" : tr("pm.detection.alert_labels", ["labels": labels]),
            "started": alert.startsAt.map { tr("pm.detection.alert_started", ["time": words.time($0)]) } ?? "",
            "link": link.map { tr("pm.detection.alert_link", ["link": $0]) } ?? "",
        ]
        return "- " + tr("pm.detection.alert", values)
    }
}
