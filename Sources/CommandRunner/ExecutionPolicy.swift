/// Whether this process may run runbook commands at all: `--no-exec` or `RESPOND_NO_EXEC=1` turn it off, and
/// blocks can then still be copied.
public struct ExecutionPolicy: Hashable, Sendable {
    /// What switched execution off (`--no-exec` or `RESPOND_NO_EXEC=1`), or nil when commands may run.
    public let disabledBy: String?

    /// Commands may run.
    public static let allowed = ExecutionPolicy(disabledBy: nil)

    /// Creates a policy; `disabledBy` names the switch that turned execution off.
    public init(disabledBy: String?) {
        self.disabledBy = disabledBy
    }

    /// The policy from the `--no-exec` flag and the environment: `RESPOND_NO_EXEC` set to anything but empty or
    /// `0` turns execution off as well.
    public static func resolve(noExecFlag: Bool, environment: [String: String]) -> ExecutionPolicy {
        if noExecFlag { return ExecutionPolicy(disabledBy: "--no-exec") }
        if let value = environment["RESPOND_NO_EXEC"], !value.isEmpty, value != "0" {
            return ExecutionPolicy(disabledBy: "RESPOND_NO_EXEC=\(value)")
        }
        return .allowed
    }

    /// Throws when commands may not run under this policy.
    public func check() throws(CommandRunnerError) {
        if let disabledBy { throw .executionDisabled(source: disabledBy) }
    }
}
