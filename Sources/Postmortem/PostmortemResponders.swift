import FoundationEssentials
import IncidentModel

extension PostmortemDraft {
    /// Everyone who recorded something or held a role, with their roles as they changed hands, in order of first
    /// appearance in the journal; passed to `text` a piece at a time (line feeds included), as a long incident
    /// changes hands thousands of times and each person's roles are one cell.
    func responders(_ text: (String) -> Void) {
        let columns = [
            tr("pm.responders.person"), tr("pm.responders.roles"), tr("pm.responders.events"),
            tr("pm.responders.first"), tr("pm.responders.last"),
        ]
        let heading = [
            "## " + tr("pm.responders.heading"), "", tr("pm.responders.intro"), "",
            "| " + columns.joined(separator: " | ") + " |", "| --- | --- | --- | --- | --- |",
        ]
        for line in heading { text(line + "\n") }
        let people = responderTally.people
        guard !people.isEmpty else { return text("| _\(tr("pm.responders.nobody"))_ | — | 0 | — | — |\n") }
        let holdings = responderTally.holdings
        var held: [String: [Int]] = [:]
        for index in holdings.indices { held[holdings[index].person, default: []].append(index) }
        let separator = tr("pm.semicolon")
        for person in people {
            text("| \(MarkdownEscape.inline(person)) | ")
            let roles = held[person] ?? []
            if roles.isEmpty { text("—") }
            for (order, index) in roles.enumerated() {
                if order > 0 { text(separator) }
                text(describe(holdings[index]))
            }
            let work = responderTally.work[person] ?? ResponderTally.Work()
            text(
                " | \(work.events) | \(work.first.map(words.time) ?? "—") | \(work.last.map(words.time) ?? "—") |\n")
        }
    }

    /// `scribe from 2026-11-27T08:36:00+08:00 (given by carol) until …`.
    private func describe(_ holding: RoleHolding) -> String {
        var text = wording.roleName(holding.role)
        if !holding.atOpening {
            text += tr(
                "pm.responders.given",
                ["time": words.time(holding.from), "actor": MarkdownEscape.inline(holding.givenBy)])
        }
        if let until = holding.until { text += tr("pm.responders.until", ["time": words.time(until)]) }
        return text
    }
}

/// Someone holding a role from one assignment until the role went to someone else.
struct RoleHolding {
    var role: Role
    var person: String
    /// When the role was given.
    var from: Date
    /// Who gave it. Only these two of the giving event are kept: a long incident changes hands thousands of times.
    var givenBy: String
    /// Whether the role was given when the incident was opened.
    var atOpening: Bool
    /// When the role went to someone else; nil while it is held.
    var until: Date?
}
