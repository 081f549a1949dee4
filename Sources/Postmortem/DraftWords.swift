import FoundationEssentials
import IncidentModel
import Localization

/// The draft's language and time zone: its fixed words from the catalog, its moments as local time with the
/// offset (which names one instant wherever the draft is read), its durations as the language says them.
struct DraftWords {
    let localizer: Localizer
    let clock: ZoneClock

    /// The text of a catalog key with its placeholders filled.
    func tr(_ key: String, _ arguments: [String: String] = [:]) -> String {
        localizer.tr(key, arguments)
    }

    /// `2026-11-27T08:20:05+08:00`: local wall time to the second, with its offset.
    func time(_ date: Date) -> String {
        clock.timestamp(date)
    }

    /// `2026-11-27T08:20:05`: local wall time as Mermaid's `dateFormat YYYY-MM-DDTHH:mm:ss` reads it (no zone; the
    /// chart's title names it).
    func mermaidTime(_ date: Date) -> String {
        let stamp = clock.timestamp(date)
        // The timestamp ends in `Z` or a `±HH:MM` offset.
        return String(stamp.dropLast(stamp.hasSuffix("Z") ? 1 : 6))
    }

    /// The zone the draft's times are in, named: `UTC`, `Asia/Taipei (UTC+8)`, at the moment given.
    func zone(at date: Date) -> String {
        clock.zoneName(at: date)
    }

    /// A duration in the draft's language. English keeps the `1h 05m` / `12m 30s` its drafts have always had;
    /// other languages say it as `Localizer.duration` does (`1 小時 5 分`).
    func span(_ seconds: TimeInterval) -> String {
        localizer.language == .english ? DurationFormat.string(seconds) : localizer.duration(seconds: seconds)
    }

    /// A duration, or the word for unknown when it is nil.
    func span(_ seconds: TimeInterval?) -> String {
        seconds.map { span($0) } ?? tr("pm.unknown")
    }

    /// The signed time from `start` to `date`, `+12m 30s`; empty without a start.
    func elapsed(_ date: Date, since start: Date?) -> String {
        guard let start else { return "" }
        let seconds = date.timeIntervalSince(start)
        return (seconds >= 0 ? "+" : "") + span(seconds)
    }
}
