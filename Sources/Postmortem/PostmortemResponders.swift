import FoundationEssentials
import IncidentModel

extension PostmortemDraft {
    /// Everyone who recorded something or held a role, with their roles as they changed hands, in order of first
    /// appearance in the journal.
    func responders() -> [String] {
        var people: [String] = []
        var counts: [String: Int] = [:]
        var first: [String: Date] = [:]
        var last: [String: Date] = [:]
        var holdings: [RoleHolding] = []
        func appear(_ person: String) {
            if !people.contains(person) { people.append(person) }
        }
        for event in events {
            let stamp = Stamp(event)
            switch event.kind {
            case .incidentOpened(_, _, _, _, let roles):
                for role in Role.allCases {
                    if let person = roles[role] { holdings.hold(role, by: person, from: stamp, atOpening: true) }
                }
            case .roleAssigned(let role, let person):
                holdings.hold(role, by: person, from: stamp, atOpening: false)
            default:
                break
            }
            guard !event.kind.isBookkeeping else { continue }
            appear(event.actor)
            counts[event.actor, default: 0] += 1
            first[event.actor] = min(first[event.actor] ?? event.occurredAt, event.occurredAt)
            last[event.actor] = max(last[event.actor] ?? event.occurredAt, event.occurredAt)
        }
        for holding in holdings { appear(holding.person) }
        let rows = people.map { person in
            let roles = holdings.filter { $0.person == person }.map(describe)
            return
                "| \(MarkdownEscape.inline(person)) | \(roles.isEmpty ? "—" : roles.joined(separator: tr("pm.semicolon"))) | \(counts[person] ?? 0) | \(first[person].map(words.time) ?? "—") | \(last[person].map(words.time) ?? "—") |"
        }
        let columns = [
            tr("pm.responders.person"), tr("pm.responders.roles"), tr("pm.responders.events"),
            tr("pm.responders.first"), tr("pm.responders.last"),
        ]
        return [
            "## " + tr("pm.responders.heading"), "", tr("pm.responders.intro"), "",
            "| " + columns.joined(separator: " | ") + " |", "| --- | --- | --- | --- | --- |",
        ] + (rows.isEmpty ? ["| _\(tr("pm.responders.nobody"))_ | — | 0 | — | — |"] : rows)
    }

    /// `scribe from 2026-11-27T08:36:00+08:00 (given by carol) until …`.
    private func describe(_ holding: RoleHolding) -> String {
        var text = wording.roleName(holding.role)
        if !holding.atOpening {
            text += tr(
                "pm.responders.given",
                ["time": words.time(holding.from.at), "actor": MarkdownEscape.inline(holding.from.actor)])
        }
        if let until = holding.until { text += tr("pm.responders.until", ["time": words.time(until)]) }
        return text
    }
}

/// Someone holding a role from one assignment until the role went to someone else.
struct RoleHolding {
    var role: Role
    var person: String
    /// The event that gave the role.
    var from: Stamp
    /// Whether the role was given when the incident was opened.
    var atOpening: Bool
    /// When the role went to someone else; nil while it is held.
    var until: Date?
}

extension [RoleHolding] {
    /// Gives `role` to `person`, ending the current holder's time in it; giving it to its holder changes nothing.
    mutating func hold(_ role: Role, by person: String, from stamp: Stamp, atOpening: Bool) {
        if let current = lastIndex(where: { $0.role == role && $0.until == nil }) {
            guard self[current].person != person else { return }
            self[current].until = stamp.at
        }
        append(RoleHolding(role: role, person: person, from: stamp, atOpening: atOpening))
    }
}
