import Localization

extension CorruptLineReason {
    /// The reason in the language of `localizer`; in English exactly `description`.
    public func description(in localizer: Localizer) -> String {
        switch self {
        case .notJSON:
            localizer.tr("cli.journal_problem.not_json")
        case .notAnObject:
            localizer.tr("cli.journal_problem.not_an_object")
        case .missingField(let field):
            localizer.tr("cli.journal_problem.missing_field", ["field": field])
        case .wrongType(let field):
            localizer.tr("cli.journal_problem.wrong_type", ["field": field])
        case .unknownKind(let kind):
            localizer.tr("cli.journal_problem.unknown_kind", ["kind": kind, "schema": String(Event.schemaVersion)])
        case .invalidField(let field, let value):
            localizer.tr(
                "cli.journal_problem.invalid_field",
                ["field": field, "problem": value.description(field: field, in: localizer)])
        case .notAnEvent:
            localizer.tr("cli.journal_problem.not_an_event")
        }
    }
}

extension InvalidFieldValue {
    /// What is wrong with the value of `field`, in the language of `localizer`.
    func description(field: String, in localizer: Localizer) -> String {
        switch self {
        case .notACase(let type, let value):
            localizer.tr("cli.journal_problem.not_a_case", ["type": type, "value": value])
        case .unknownRole(let role):
            localizer.tr("cli.journal_problem.unknown_role", ["role": role])
        case .notAUUID:
            localizer.tr("cli.journal_problem.not_a_uuid")
        case .notAnISO8601Time(let text):
            localizer.tr("cli.journal_problem.not_iso8601_time", ["field": field, "text": text])
        case .notATime(let text):
            localizer.tr("cli.journal_problem.not_a_time", ["text": text])
        }
    }
}
