/// Leaves text as it is: for tests about something other than redaction.
let keepText: @Sendable (String) -> String = { $0 }
