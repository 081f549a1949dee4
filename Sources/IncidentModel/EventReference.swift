import FoundationEssentials

extension Event {
    /// How `respond feedback ack` names the event across incidents: the incident's id, then the event's label as
    /// `respond timeline` shows it (`#SEQ`, or `#SEQ@WRITER` for another machine's file).
    public func reference(inIncident incident: String) -> String {
        incident + ref.label
    }
}
