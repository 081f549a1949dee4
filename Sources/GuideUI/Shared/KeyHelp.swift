/// The keys the help overlay lists for a screen, as (keys, action) pairs, in the order shown; the user
/// documentation lists the same keys.
public func keyHelp(for screen: Screen) -> [(keys: String, action: String)] {
    keyBindings(for: screen).helpLines.map { (keys: $0.0, action: $0.1) }
}

/// The key table of a screen: what its keys do and what the help overlay says about them.
func keyBindings(for screen: Screen) -> [KeyBinding] {
    switch screen {
    case .catalog: catalogBindings
    case .openIncidents: openIncidentsBindings
    case .walkthrough: walkthroughBindings
    case .commandOutput: commandOutputBindings
    case .timeline: timelineBindings
    case .review: reviewBindings
    }
}
