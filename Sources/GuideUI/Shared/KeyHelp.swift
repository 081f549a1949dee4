import Localization

/// The keys the help overlay lists for a screen, as (keys, action) pairs, in the order shown and in the localizer's
/// language (English unless given); the user documentation lists the same keys.
public func keyHelp(
    for screen: Screen, in localizer: Localizer = Localizer(.english)
) -> [(keys: String, action: String)] {
    keyBindings(for: screen).helpLines(localizer).map { (keys: $0.0, action: $0.1) }
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
