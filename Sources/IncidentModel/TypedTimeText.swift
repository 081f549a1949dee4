import Localization

extension TypedTimeError {
    /// What is wrong and what to type instead, in the language of `localizer`; `description` stays English.
    public func description(in localizer: Localizer) -> String {
        switch self {
        case .unreadable(let text):
            localizer.tr("cli.time.unreadable", ["text": text])
        case .noSuchDate(let text, let year, let month, let day):
            if (1...12).contains(month) {
                localizer.tr(
                    "cli.time.no_such_day",
                    [
                        "text": text, "month": Self.monthName(month, localizer), "year": String(year),
                        "days": String(TypedTime.daysIn(month: month, year: year)), "day": String(day),
                    ])
            } else {
                localizer.tr("cli.time.no_such_month", ["text": text, "month": String(month)])
            }
        case .noSuchTime(let text):
            localizer.tr("cli.time.no_such_time", ["text": text])
        case .skippedByClockChange(let text, let zone, let suggestion):
            localizer.tr("cli.time.skipped", ["text": text, "zone": zone, "suggestion": suggestion])
        }
    }

    /// The month as the language names it in a date: `February`, `2 月`.
    private static func monthName(_ month: Int64, _ localizer: Localizer) -> String {
        switch month {
        case 1: localizer.tr("cli.time.month.january")
        case 2: localizer.tr("cli.time.month.february")
        case 3: localizer.tr("cli.time.month.march")
        case 4: localizer.tr("cli.time.month.april")
        case 5: localizer.tr("cli.time.month.may")
        case 6: localizer.tr("cli.time.month.june")
        case 7: localizer.tr("cli.time.month.july")
        case 8: localizer.tr("cli.time.month.august")
        case 9: localizer.tr("cli.time.month.september")
        case 10: localizer.tr("cli.time.month.october")
        case 11: localizer.tr("cli.time.month.november")
        default: localizer.tr("cli.time.month.december")
        }
    }
}

extension TypedTimeWarning {
    /// What to check, in one line, in the language of `localizer`; `description` stays English.
    public func description(in localizer: Localizer) -> String {
        switch self {
        case .readAsYesterday(let text, let local):
            localizer.tr("cli.time.read_as_yesterday", ["text": text, "local": local])
        case .happenedTwice(let text, let taken, let other):
            localizer.tr("cli.time.happened_twice", ["text": text, "taken": taken, "other": other])
        case .afterNow(let text, let local, let now):
            localizer.tr("cli.time.after_now", ["text": text, "local": local, "now": now])
        case .beforeOpening(let text, let local, let opened):
            localizer.tr("cli.time.before_opening", ["text": text, "local": local, "opened": opened])
        }
    }
}
