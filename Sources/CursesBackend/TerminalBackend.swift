import TerminalFrame

/// A terminal the run loop can draw frames on and read events from; the only two things a backend does.
public protocol TerminalBackend: AnyObject {
    /// The terminal's current size in columns and rows.
    var size: (width: Int, height: Int) { get }

    /// Draws a frame, changing on screen only what differs from the frame drawn before.
    func present(_ frame: Frame)

    /// Waits up to `timeout` seconds for a key, a paste or a resize; returns `.tick` when none arrived in time.
    func nextEvent(timeout: Double) -> TerminalEvent
}
