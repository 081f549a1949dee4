/// The keys the help overlay lists for a screen, as (keys, action) pairs, in the order shown; the user
/// documentation lists the same keys.
public func keyHelp(for screen: Screen) -> [(keys: String, action: String)] {
    helpLines(screen).map { (keys: $0.0, action: $0.1) }
}
