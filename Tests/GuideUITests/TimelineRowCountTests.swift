import Foundation
import IncidentModel
import Localization
import Testing

@testable import GuideUI

@Suite("counting a timeline entry's rows without laying it out")
struct TimelineRowCountTests {
    @Test(
        "the count is the number of rows the entry is drawn in, at every width",
        arguments: [1, 10, 30, 63, 64, 80, 97, 120, 200])
    func countsMatchLayout(width: Int) {
        var events = TimelineWindowTests.journal(count: 300)
        events.append(
            Event(
                seq: 302, recordedAt: Fixtures.opened.addingTimeInterval(9_000), actor: "林值班\u{1B}[31m長名字的值班人員",
                kind: .note(
                    text:
                        "\u{1B}]52;c;aGk=\u{07}重啟了 payment-worker，lag 開始下降 https://grafana.example.com/d/abcdefghijklmnopqrstuvwxyz0123456789",
                    pinned: true, commander: true)))
        let theme = Theme(color: true)
        let words = EventPhrases(Localizer(.english))
        var known: [EntryWords: Int] = [:]
        for event in events + events {
            let count = timelineEntryRowCount(
                event, opened: Fixtures.opened, width: width, words: words, actor: timelineActor(event.actor),
                known: &known)
            for clock in [ZoneClock.utc, ZoneClock(zone: TimeZone(identifier: "Asia/Kathmandu") ?? .gmt)] {
                #expect(
                    count
                        == timelineEntry(
                            event, opened: Fixtures.opened, width: width, theme: theme, words: words, clock: clock
                        ).count,
                    "seq \(event.seq)")
            }
        }
    }
}
