import FoundationEssentials
import IncidentModel

/// Who recorded what and who held which role, gathered an event at a time for the draft's Responders section.
struct ResponderTally {
    /// What one person recorded: how many events, the first and the last moment.
    struct Work {
        var events = 0
        var first: Date?
        var last: Date?
    }

    /// Everyone who recorded incident work, in order of first appearance.
    private(set) var recorders: [String] = []
    /// What each of them recorded.
    private(set) var work: [String: Work] = [:]
    /// Who held each role, as it changed hands.
    private(set) var holdings: [RoleHolding] = []
    /// Where in `holdings` each role's current holder is.
    private var holder: [Role: Int] = [:]

    /// Takes the next event in journal order.
    mutating func add(_ event: Event) {
        let stamp = Stamp(event)
        switch event.kind {
        case .incidentOpened(_, _, _, _, let roles):
            for role in Role.allCases {
                if let person = roles[role] { hold(role, by: person, from: stamp, atOpening: true) }
            }
        case .roleAssigned(let role, let person):
            hold(role, by: person, from: stamp, atOpening: false)
        default:
            break
        }
        guard !event.kind.isBookkeeping else { return }
        let at = event.occurredAt
        if let known = work[event.actor] {
            work[event.actor] = Work(
                events: known.events + 1, first: min(known.first ?? at, at), last: max(known.last ?? at, at))
        } else {
            recorders.append(event.actor)
            work[event.actor] = Work(events: 1, first: at, last: at)
        }
    }

    /// Gives `role` to `person`, ending the current holder's time in it; giving it to its holder changes nothing.
    private mutating func hold(_ role: Role, by person: String, from stamp: Stamp, atOpening: Bool) {
        if let current = holder[role] {
            guard holdings[current].person != person else { return }
            holdings[current].until = stamp.at
        }
        holder[role] = holdings.count
        holdings.append(
            RoleHolding(role: role, person: person, from: stamp.at, givenBy: stamp.actor, atOpening: atOpening))
    }

    /// Everyone who recorded something, then everyone else who held a role, in order of first appearance.
    var people: [String] {
        var seen = Set(recorders)
        return recorders + holdings.map(\.person).filter { seen.insert($0).inserted }
    }
}
