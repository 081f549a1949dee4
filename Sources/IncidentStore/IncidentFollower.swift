import FoundationEssentials
import IncidentModel

/// Follows every journal file of an incident as other processes, and what a sync brings from other machines,
/// append to them: each `poll()` returns the complete lines written since the last one in any of them, and starts
/// following a writer's file that appeared since, from its beginning.
public struct IncidentFollower: Sendable {
    /// The incident's own `timeline.jsonl`.
    public let journalPath: String
    private var followers: [(writer: String?, follower: JournalFollower)]

    /// A follower that continues where `IncidentContents.read` stopped in each file.
    public init(journalPath: String, after contents: IncidentContents) {
        self.journalPath = journalPath
        followers = contents.files.map { file in (file.writer, JournalFollower(path: file.path, after: file.contents)) }
    }

    /// A follower from the beginning of the incident's own journal and of the writers' files found at the first
    /// poll.
    public init(journalPath: String) {
        self.journalPath = journalPath
        followers = [(nil, JournalFollower(path: journalPath))]
    }

    /// The complete lines appended to any of the incident's journal files since the last poll, each event tagged
    /// with its file's writer; an incomplete last line waits for the next poll.
    public mutating func poll() throws(JournalError) -> JournalFollower.Update {
        let known = Set(followers.compactMap(\.writer))
        for (writer, path) in try IncidentFiles.writerFiles(beside: journalPath) where !known.contains(writer) {
            followers.append((writer, JournalFollower(path: path)))
        }
        var update = JournalFollower.Update(events: [], problems: [])
        for index in followers.indices {
            var found: JournalFollower.Update
            do {
                found = try followers[index].follower.poll()
            } catch .notFound {
                // A sync's merge is putting a new copy of the file in its place: what it adds is read next time.
                continue
            }
            if let writer = followers[index].writer {
                for event in found.events.indices { found.events[event].writer = writer }
            }
            update.events += found.events
            update.problems += found.problems
        }
        return update
    }
}
