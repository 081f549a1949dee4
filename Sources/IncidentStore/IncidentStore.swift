import FoundationEssentials
import Glibc
import IncidentModel
import RunbookKit
import TerminalText

/// Where an incident's files are.
public struct IncidentLocation: Hashable, Sendable {
    /// The incident's id: its directory's name.
    public var id: String
    /// The incident directory.
    public var directory: String
    /// The journal file inside it.
    public var journalPath: String
    /// This machine's writer id (`MachineWriter`), nil when it has none.
    public var writer: String?

    /// The journal this machine appends to: the incident's own `timeline.jsonl` when the machine has no writer id
    /// or opened the incident, else its own `timeline@<writer>.jsonl` beside it, so that machines syncing through
    /// git never append to the same file.
    public var journal: Journal {
        guard let writer, FilePaths.lastComponent(of: journalPath) == Journal.fileName,
            IncidentFiles.opener(in: directory) != writer
        else { return Journal(path: journalPath) }
        return Journal(path: directory + "/" + IncidentFiles.fileName(writer: writer))
    }

    /// Every event of the incident, from its own journal and every other writer's file beside it; only those on
    /// lines holding `linesHolding` when it is given, each read as far as `reading` asks.
    public func read(linesHolding needle: String? = nil, reading: EventReading = .whole) throws(JournalError)
        -> IncidentContents
    {
        try IncidentContents.read(journalPath, linesHolding: needle, reading: reading)
    }

    /// Creates a location.
    public init(id: String, directory: String, journalPath: String, writer: String? = nil) {
        self.id = id
        self.directory = directory
        self.journalPath = journalPath
        self.writer = writer
    }
}

/// The incidents kept under a home directory: `<home>/incidents/<id>/timeline.jsonl`, directories 0700 and
/// files 0600 whatever the umask, or 2770 and 0660 in the home's group when the home is shared by a group
/// (`FileSharing`). A home that others could change is refused before anything in it is read or written.
public struct IncidentStore: Sendable {
    /// The home directory, e.g. `~/.local/state/respond`.
    public let home: String
    /// This machine's writer id in this home (`MachineWriter`), nil when it has none.
    public let writer: String?

    /// A store over `home` appending as `writer`; nothing is created until an incident is opened.
    public init(home: String, writer: String?) {
        self.home = home
        self.writer = writer
    }

    /// A store over `home` appending under the writer id `MachineWriter.resolve` gives for it in this process's
    /// environment; a `RESPOND_WRITER` that is not a valid id gives none (`respond` refuses it before this).
    public init(home: String) {
        self.init(
            home: home, writer: try? MachineWriter.resolve(home: home, environment: ProcessInfo.processInfo.environment)
        )
    }

    /// The directory holding one directory per incident.
    public var incidentsDirectory: String { home + "/incidents" }

    /// Where the incident with `id` is, whether or not it exists.
    public func location(of id: String) -> IncidentLocation {
        let directory = incidentsDirectory + "/" + id
        return IncidentLocation(
            id: id, directory: directory, journalPath: directory + "/" + Journal.fileName, writer: writer)
    }

    /// Creates a new incident whose journal starts with an `incidentOpened` event, followed in the same append by
    /// `following` (the alert it was opened from), and returns where it is with the opening event. Without `id` the
    /// id is `yyyyMMdd'T'HHmm'Z'-<runbook>` (UTC), with `-2`, `-3` … when taken.
    public func open(
        runbook: String, title: String, severity: Severity, drill: Bool, actor: String, id: String? = nil,
        roles: [Role: String] = [:], following: [NewEvent] = [], now: Date
    ) throws(IncidentStoreError) -> (location: IncidentLocation, event: Event) {
        if let id, !Self.isValidID(id) { throw IncidentStoreError.invalidID(id) }
        try makePrivateDirectory(home, withParents: true)
        try checkHome()
        try makeIncidentsDirectory()
        let location = try createIncidentDirectory(id: id, runbook: runbook, now: now)
        let opened = NewEvent(
            actor: actor,
            kind: .incidentOpened(title: title, severity: severity, runbook: runbook, drill: drill, roles: roles)
        )
        do throws(JournalError) {
            // The machine that opens an incident writes its own journal, and keeps writing it (`journal`).
            if let writer { try IncidentFiles.recordOpener(writer, in: location.directory) }
            let events = try Journal(path: location.journalPath).append([opened] + following, now: now)
            try FileIO.syncDirectory(incidentsDirectory)
            guard let event = events.first else { throw JournalError.notFound(path: location.journalPath) }
            return (location, event)
        } catch {
            unlink(location.journalPath)
            unlink(location.directory + "/" + IncidentFiles.openerFileName)
            rmdir(location.directory)
            throw IncidentStoreError.journal(error)
        }
    }

    /// Every incident, most recently active first, read from its journal; unreadable ones are listed apart.
    public func list() throws(IncidentStoreError) -> IncidentListing {
        var incidents: [IncidentSummary] = []
        var notOpened: [IncidentListing.Unreadable] = []
        let unreadable = try readEach { location, contents in
            if let summary = IncidentSummary.summarize(
                id: location.id, journalPath: location.journalPath, events: contents.events)
            {
                incidents.append(summary)
            } else {
                notOpened.append(.init(id: location.id, reason: "its journal does not start with incident-opened"))
            }
        }
        incidents.sort { ($0.lastEventAt, $0.id) > ($1.lastEventAt, $1.id) }
        return IncidentListing(incidents: incidents, unreadable: unreadable + notOpened)
    }

    /// Reads every incident's journal and passes `body` its location and contents, the events in the journal's
    /// order (`JournalOrder`); returns the incidents whose journal could not be read. Journals are read and decoded
    /// two at a time, one on each core, and handed to `body` one at a time, so a caller that keeps what it needs
    /// from each reads a home of any size with two journals in memory. This is how `list()` reads incidents. A
    /// caller that wants one kind of event names the bytes its lines hold (`"runbook-feedback"`) as `linesHolding`,
    /// and only those lines are decoded. A caller that wants only some incidents says which by their opening event
    /// (`opening`): an incident whose journal's first line is an opening it does not want is passed over after
    /// reading that line alone.
    public func readEach(
        linesHolding needle: String? = nil, opening wanted: ((Event) -> Bool)? = nil,
        _ body: (IncidentLocation, IncidentContents) -> Void
    ) throws(IncidentStoreError) -> [IncidentListing.Unreadable] {
        try mapEach(linesHolding: needle, opening: wanted, batch: 2, { $1 }, body)
    }

    /// Reads every incident's journal as `readEach` does, and turns each into what the caller keeps of it with
    /// `transform` on the core that read it, so that the events are dropped there; `body` receives the results
    /// one at a time, in the order `readEach` would give the journals. `respond report` reads a home this way:
    /// the fold of each journal, which costs as much as its decoding, runs on every core, and its lines are read
    /// only as far as `reading` asks.
    public func mapEach<Kept: Sendable>(
        linesHolding needle: String? = nil, reading: EventReading = .whole, opening wanted: ((Event) -> Bool)? = nil,
        batch: Int = 16,
        _ transform: @Sendable (IncidentLocation, IncidentContents) -> Kept, _ body: (IncidentLocation, Kept) -> Void
    ) throws(IncidentStoreError) -> [IncidentListing.Unreadable] {
        try checkHome()
        var unreadable: [IncidentListing.Unreadable] = []
        let locations = try incidentIDs().map { location(of: $0) }.filter { location in
            // A first line that cannot be read is no answer: the whole read below says what is wrong with it.
            guard let wanted, let first = try? Journal.firstEvent(location.journalPath),
                case .incidentOpened = first.kind
            else { return true }
            return wanted(first)
        }
        // The journals of a batch are read on every core, at most one per core at a time; what is kept of each
        // waits for the batch to end.
        for start in stride(from: 0, to: locations.count, by: max(1, batch)) {
            let group = Array(locations[start..<min(start + max(1, batch), locations.count)])
            let read = group.parallelMap { location in
                Result { () throws(JournalError) in
                    var contents = try location.read(linesHolding: needle, reading: reading)
                    contents.events = JournalOrder.ordered(contents.events)
                    return transform(location, contents)
                }
            }
            for (location, result) in zip(group, read) {
                switch result {
                case .success(let kept): body(location, kept)
                case .failure(let error): unreadable.append(.init(id: location.id, reason: error.description))
                }
            }
        }
        return unreadable
    }

    /// Finds an incident by exact id, `last` (the most recently active open incident, else the most recently
    /// active of all), a path to a `timeline.jsonl` or to a directory holding one, or a unique id prefix.
    public func resolve(_ reference: String) throws(IncidentStoreError) -> IncidentLocation {
        try checkHome()
        let ids = try incidentIDs()
        if ids.contains(reference) { return location(of: reference) }
        if reference == "last" {
            let listing = try list()
            guard let last = listing.incidents.first(where: { !$0.closed }) ?? listing.incidents.first else {
                // Saying "no incidents yet" when there are some that cannot be read would hide the real problem.
                if let newest = listing.unreadable.max(by: { $0.id < $1.id }) {
                    throw IncidentStoreError.unreadable(id: newest.id, reason: newest.reason)
                }
                throw IncidentStoreError.notFound(reference: reference, candidates: [])
            }
            return location(of: last.id)
        }
        if let location = try journalAtPath(reference) { return location }
        let matches = ids.filter { $0.hasPrefix(reference) }
        if matches.count == 1, let id = matches.first { return location(of: id) }
        if matches.count > 1 { throw IncidentStoreError.ambiguous(reference: reference, candidates: matches.sorted()) }
        throw IncidentStoreError.notFound(reference: reference, candidates: Array(ids.sorted(by: >).prefix(5)))
    }

    /// Whether `id` may name an incident directory: letters, digits, `-`, `_`, `.`, not starting with `.` or
    /// `-`, at most 100 characters, and not the reserved word `last`.
    public static func isValidID(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 100, id != "last", let first = id.first, first != ".", first != "-"
        else { return false }
        return id.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-_.".unicodeScalars.contains(scalar)
        }
    }

    /// The default id for an incident opened on `runbook` at `now`: `yyyyMMdd'T'HHmm'Z'-<runbook>`.
    public static func defaultID(runbook: String, now: Date) -> String {
        let time = JournalTime.utcComponents(now)
        let stamp =
            [(time.year, 4), (time.month, 2), (time.day, 2)].map { FixedWidthNumber.padded($0, width: $1) }.joined()
            + "T" + FixedWidthNumber.padded(time.hour, width: 2) + FixedWidthNumber.padded(time.minute, width: 2) + "Z"
        let slug = String(runbook.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        return slug.isEmpty ? stamp : stamp + "-" + slug
    }

    /// Refuses a home that someone outside its sharing could change: writable by everyone, writable by its group
    /// without being shared by that group, another user's when it is not shared, or shared by a group this account
    /// is not in. The home itself may be a link (the user's own choice of where the state lives); what it points
    /// at is checked. A home that does not exist yet has nothing to check.
    public func checkHome() throws(IncidentStoreError) {
        var info = stat()
        guard stat(home, &info) == 0 else {
            if errno == ENOENT { return }
            throw storeError(errno: errno, path: home)
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            let found = UnsafePathProblem.kind(of: info.st_mode)
            throw .journal(.unsafePath(path: home, problem: .notADirectory(found: found)))
        }
        let declared = FileSharing.declared(mode: info.st_mode, gid: info.st_gid)
        if let problem = declared.problem(
            mode: info.st_mode, owner: info.st_uid, group: info.st_gid, for: Account.current)
        {
            throw .journal(.unsafePath(path: home, problem: problem))
        }
    }

    /// The ids of every incident directory, unsorted; none when the home has no incidents yet.
    private func incidentIDs() throws(IncidentStoreError) -> [String] {
        var exists = stat()
        if lstat(incidentsDirectory, &exists) != 0, errno == ENOENT { return [] }
        let fd: Int32
        do throws(JournalError) {
            fd = try PrivateFiles.openDirectory(incidentsDirectory, create: false)
        } catch {
            throw .journal(error)
        }
        guard let directory = fdopendir(fd) else {
            let code = errno
            close(fd)
            throw IncidentStoreError.directory(path: incidentsDirectory, code: code)
        }
        defer { closedir(directory) }
        var ids: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if Self.isValidID(name), isDirectory(incidentsDirectory + "/" + name) { ids.append(name) }
        }
        return ids
    }

    /// The incident a filesystem path names, when the reference looks like or is a path.
    private func journalAtPath(_ reference: String) throws(IncidentStoreError) -> IncidentLocation? {
        let looksLikePath = reference.contains("/") || reference.hasSuffix(".jsonl")
        let isIncidentDirectory = isDirectory(reference)
        guard looksLikePath || isIncidentDirectory else { return nil }
        let given = isIncidentDirectory ? reference + "/" + Journal.fileName : reference
        guard FileManager.default.fileExists(atPath: given), !isDirectory(given) else {
            throw IncidentStoreError.notAJournal(path: reference)
        }
        let absolute = given.hasPrefix("/") ? given : FileManager.default.currentDirectoryPath + "/" + given
        let journalPath = FilePaths.standardizing(absolute)
        let directory = FilePaths.deletingLastComponent(of: journalPath)
        return IncidentLocation(
            id: FilePaths.lastComponent(of: directory), directory: directory, journalPath: journalPath,
            writer: writer)
    }

    /// Creates the incident's directory with the home's sharing (`PrivateFiles.createDirectory`); mkdir's
    /// atomicity is what makes concurrent starts pick distinct ids.
    private func createIncidentDirectory(id: String?, runbook: String, now: Date) throws(IncidentStoreError)
        -> IncidentLocation
    {
        let base = id ?? Self.defaultID(runbook: runbook, now: now)
        var attempt = 1
        while true {
            let candidate = attempt == 1 ? base : "\(base)-\(attempt)"
            let location = location(of: candidate)
            let created: Int32?
            do throws(JournalError) {
                created = try PrivateFiles.createDirectory(location.directory)
            } catch {
                throw .journal(error)
            }
            if let fd = created {
                close(fd)
                return location
            }
            if id != nil { throw IncidentStoreError.alreadyExists(id: candidate, directory: location.directory) }
            attempt += 1
        }
    }

    /// Creates `path` (and, when asked, its missing parents) with mode 0700, set explicitly.
    private func makePrivateDirectory(_ path: String, withParents: Bool) throws(IncidentStoreError) {
        if isDirectory(path) { return }
        if withParents {
            let parent = FilePaths.deletingLastComponent(of: path)
            if !parent.isEmpty, parent != path { try makePrivateDirectory(parent, withParents: true) }
        }
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else { throw storeError(errno: errno, path: path) }
        guard chmod(path, 0o700) == 0 else { throw storeError(errno: errno, path: path) }
    }

    /// Creates `incidents/` with the home's sharing when missing, and checks that it is a directory the home's
    /// sharing allows and not a link: every incident's files are opened through it.
    private func makeIncidentsDirectory() throws(IncidentStoreError) {
        do throws(JournalError) {
            close(try PrivateFiles.openDirectory(incidentsDirectory, create: true))
        } catch {
            throw .journal(error)
        }
    }

    private func storeError(errno code: Int32, path: String) -> IncidentStoreError {
        switch code {
        case ENOSPC, EDQUOT: .journal(.diskFull(path: path))
        case EROFS: .journal(.readOnly(path: path))
        default: .directory(path: path, code: code)
        }
    }

    private func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
