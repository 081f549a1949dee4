import FoundationEssentials
import Glibc
import GuideUI
import IncidentStore
import Localization
import RunbookKit
import Synchronization

/// Reads the catalog's review marks on a thread of its own, and reads them again only when something they come
/// from changed: the guide asks every few seconds while the catalog is shown, and reading every journal of a
/// large home takes a second, where looking at the files' sizes and times takes a few milliseconds.
final class ReviewMarksJob: Sendable {
    private let job = BackgroundJob()
    private let catalog: Catalog
    private let store: IncidentStore
    private let localizer: Localizer
    /// What the files looked like when the marks were last read.
    private let lastRead = Mutex<ReviewMarksStamp?>(nil)

    /// A job over the runbooks of `catalog` and the incidents of `store`, saying what it cannot read in the words
    /// of `localizer`.
    init(catalog: Catalog, store: IncidentStore, localizer: Localizer) {
        self.catalog = catalog
        self.store = store
        self.localizer = localizer
    }

    /// Starts a read unless one is under way; it answers `.reviewMarksLoaded` through `poll`, or nothing when no
    /// runbook file, journal or review file changed since the last read (and the day is the same).
    func start() {
        job.start { [self] in
            // Looked at before the read, so that a change made during it is seen by the next one.
            let stamp = ReviewMarksStamp(catalog: catalog, store: store, today: CalendarDay(utc: Date()))
            guard lastRead.withLock({ $0 }) != stamp else { return nil }
            let loaded = ReviewMarks.load(catalog, store: store, today: stamp.today, localizer: localizer)
            lastRead.withLock { $0 = stamp }
            return .reviewMarksLoaded(loaded.marks, warnings: loaded.warnings(localizer))
        }
    }

    /// The marks of the last read, once, when it has finished and found something changed.
    func poll() -> [Message] {
        job.poll()
    }
}

/// The size and modification time of every file the review marks come from (the runbook files, each incident's
/// journal files, the review file), and the day: equal stamps give equal marks.
struct ReviewMarksStamp: Equatable, Sendable {
    /// The UTC day the staleness is counted on.
    var today: CalendarDay
    /// Each file's path, size and modification time in nanoseconds; nothing for a file that does not exist.
    var files: [FileStamp] = []

    /// What one file looked like.
    struct FileStamp: Equatable, Sendable {
        var path: String
        var size: Int64
        var modified: Int64
    }

    /// Looks at the files of `catalog` and `store` now.
    init(catalog: Catalog, store: IncidentStore, today: CalendarDay) {
        self.today = today
        for path in catalog.files { note(path) }
        note(FeedbackReviews(store: store).path)
        // An incident directory gains a journal file of its own per machine that writes to it.
        let incidents = Self.names(in: store.incidentsDirectory)
        note(store.incidentsDirectory)
        for incident in incidents {
            let directory = store.incidentsDirectory + "/" + incident
            note(directory)
            for name in Self.names(in: directory) where name.hasPrefix("timeline") && name.hasSuffix(".jsonl") {
                note(directory + "/" + name)
            }
        }
    }

    /// Adds what the file at `path` looks like, without following a link (the readers refuse links).
    private mutating func note(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        files.append(
            FileStamp(
                path: path, size: Int64(info.st_size),
                modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)))
    }

    /// The names in the directory at `path`, sorted; none when it cannot be read.
    private static func names(in path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
