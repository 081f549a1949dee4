import FoundationEssentials
import IncidentModel
import Localization

extension ZoneClock {
    /// `14:05:09`: an instant's wall time in the clock's zone, to the second, as the screens' time columns show it;
    /// `--:--:--` for an instant no calendar reaches.
    func wallClock(_ date: Date) -> String {
        let since = date.timeIntervalSince1970
        guard since.isFinite, abs(since) < 1e15 else { return "--:--:--" }
        let stamp = timestamp(date)
        guard let separator = stamp.firstIndex(of: "T") else { return stamp }
        return String(stamp[stamp.index(after: separator)...].prefix(8))
    }

    /// `2026-12-03T14:05:09+08:00`: an instant with its offset, which names it wherever it is read; the journal's
    /// UTC form for an instant no calendar reaches.
    func stamp(_ date: Date) -> String {
        let since = date.timeIntervalSince1970
        guard since.isFinite, abs(since) < 1e15 else { return JournalTime.string(from: date) }
        return timestamp(date)
    }

    /// `UTC`, `UTC+8`, `UTC-3:30`: the zone's offset at an instant, short enough for a column title.
    func shortZone(at date: Date) -> String {
        let name = zoneName(at: date)
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return name }
        return String(name[name.index(after: open)..<name.index(before: name.endIndex)])
    }
}

extension Localizer {
    /// A span of time as the screens say it: English keeps `DurationFormat`'s two units (`1h 05m`), Traditional
    /// Chinese says `1 小時 5 分`.
    func spoken(_ seconds: TimeInterval) -> String {
        switch language {
        case .english: DurationFormat.string(seconds)
        case .traditionalChinese: seconds.isFinite ? duration(seconds: seconds) : "?"
        }
    }
}
