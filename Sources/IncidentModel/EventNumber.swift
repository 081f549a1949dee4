import Foundation

extension Event {
    /// The event's number as `respond timeline` shows it: `#<seq>` for an event of the incident's own journal,
    /// `#<seq>@<writer>` for one of another machine's file, whose seqs count apart from the journal's.
    public var number: String {
        writer.map { "#\(seq)@\($0)" } ?? "#\(seq)"
    }

    /// How `respond feedback ack` names the event across incidents: the incident's id, then `number`.
    public func reference(inIncident incident: String) -> String {
        incident + number
    }
}
