import Foundation
import IncidentModel
import IncidentStore
import TestSupport
import Testing

@Suite("Who may read and write a home: private to its owner, or shared by a group", .temporaryFiles)
struct FileSharingTests {
    let now = utc("2026-11-27T00:20:05.123Z")
    let amy = Account(uid: 1001, groups: [1001, 4242], name: "amy")

    func problem(_ sharing: FileSharing, mode: mode_t, owner: UInt32, group: UInt32, for account: Account? = nil)
        -> UnsafePathProblem?
    {
        sharing.problem(mode: mode, owner: owner, group: group, for: account ?? amy)
    }

    @Test("a folder with setgid and group rwx, not writable by others, is shared by its group; any other is private")
    func declaration() {
        #expect(FileSharing.declared(mode: S_IFDIR | 0o2770, gid: 4242) == .group(gid: 4242))
        #expect(FileSharing.declared(mode: S_IFDIR | 0o2775, gid: 4242) == .group(gid: 4242))
        #expect(FileSharing.declared(mode: S_IFDIR | 0o0770, gid: 4242) == .owner)
        #expect(FileSharing.declared(mode: S_IFDIR | 0o2750, gid: 4242) == .owner)
        #expect(FileSharing.declared(mode: S_IFDIR | 0o2777, gid: 4242) == .owner)
        #expect(FileSharing.declared(mode: S_IFDIR | 0o0700, gid: 4242) == .owner)
    }

    @Test("a private home makes folders 0700 and files 0600; a shared one 2770 and 0660")
    func modes() {
        #expect(FileSharing.owner.directoryMode == 0o700)
        #expect(FileSharing.owner.fileMode == 0o600)
        #expect(FileSharing.group(gid: 4242).directoryMode == 0o2770)
        #expect(FileSharing.group(gid: 4242).fileMode == 0o660)
    }

    @Test("in a private home only the user's own files that nobody else can write are accepted")
    func privateRules() {
        #expect(problem(.owner, mode: S_IFREG | 0o600, owner: 1001, group: 1001) == nil)
        #expect(problem(.owner, mode: S_IFREG | 0o644, owner: 1001, group: 1001) == nil)
        #expect(problem(.owner, mode: S_IFREG | 0o620, owner: 1001, group: 1001) == .writableByGroup(mode: 0o620))
        #expect(problem(.owner, mode: S_IFREG | 0o602, owner: 1001, group: 1001) == .writableByEveryone(mode: 0o602))
        #expect(problem(.owner, mode: S_IFREG | 0o600, owner: 1002, group: 1001) == .ownedByAnotherUser(uid: 1002))
        #expect(problem(.owner, mode: S_IFDIR | 0o770, owner: 1001, group: 4242) == .writableByGroup(mode: 0o770))
    }

    @Test(
        "in a shared home any member's files in the group are accepted, and nothing others or a foreign group can write"
    )
    func sharedRules() {
        let shared = FileSharing.group(gid: 4242)
        #expect(problem(shared, mode: S_IFREG | 0o660, owner: 1002, group: 4242) == nil)
        #expect(problem(shared, mode: S_IFDIR | 0o2770, owner: 0, group: 4242) == nil)
        #expect(problem(shared, mode: S_IFREG | 0o600, owner: 1001, group: 1001) == nil)
        #expect(problem(shared, mode: S_IFREG | 0o666, owner: 1002, group: 4242) == .writableByEveryone(mode: 0o666))
        #expect(problem(shared, mode: S_IFREG | 0o640, owner: 1002, group: 1002) == .ownedByAnotherUser(uid: 1002))
        #expect(
            problem(shared, mode: S_IFREG | 0o660, owner: 1001, group: 1001)
                == .foreignGroup(group: Account.groupName(1001), shared: Account.groupName(4242)))
    }

    @Test("a home shared by a group the account is not in is refused, except to root")
    func outsiders() {
        let shared = FileSharing.group(gid: 4242)
        let bob = Account(uid: 1003, groups: [1003], name: "bob")
        #expect(
            problem(shared, mode: S_IFDIR | 0o2770, owner: 0, group: 4242, for: bob)
                == .notInGroup(group: Account.groupName(4242), user: "bob"))
        let root = Account(uid: 0, groups: [0], name: "root")
        #expect(problem(shared, mode: S_IFDIR | 0o2770, owner: 0, group: 4242, for: root) == nil)
    }

    @Test("the refusal names the path, the problem and the chmod that fixes it")
    func message() {
        let error = JournalError.unsafePath(path: "/srv/incidents", problem: .writableByEveryone(mode: 0o777))
        #expect(
            error.description
                == "refusing /srv/incidents: it can be written by everyone (mode 0777); fix it with"
                + " `chmod o-w '/srv/incidents'` and retry; nothing was written")
        let group = JournalError.unsafePath(path: "/h/t.jsonl", problem: .writableByGroup(mode: 0o660))
        #expect(group.description.contains("`chmod g-w '/h/t.jsonl'`"))
    }

    func makeHome(mode: mode_t) throws -> IncidentStore {
        let home = try freshDirectory() + "/home"
        #expect(mkdir(home, 0o700) == 0)
        #expect(chmod(home, mode) == 0)
        return IncidentStore(home: home)
    }

    func open(_ store: IncidentStore) throws -> IncidentLocation {
        try store.open(
            runbook: "disk-full", title: "t", severity: .p2, drill: false, actor: "amy", id: "disk-1", now: now
        ).location
    }

    func unsafe(_ body: () throws -> Void) -> UnsafePathProblem? {
        do {
            try body()
        } catch let error as IncidentStoreError {
            if case .journal(.unsafePath(_, let problem)) = error { return problem }
        } catch let error as JournalError {
            if case .unsafePath(_, let problem) = error { return problem }
        } catch {}
        return nil
    }

    @Test(
        "a home shared by the user's group gets incident folders 2770 and journals 0660 in that group, whatever the umask"
    )
    func sharedHomeModes() throws {
        let store = try makeHome(mode: 0o2770)
        let previous = umask(0o077)
        defer { umask(previous) }
        let location = try open(store)
        let home = try attributes(store.home)
        #expect(try attributes(store.incidentsDirectory).mode == 0o2770)
        #expect(try attributes(location.directory).mode == 0o2770)
        #expect(try attributes(location.directory).gid == home.gid)
        #expect(try attributes(location.journalPath).mode == 0o660)
        #expect(try attributes(location.journalPath).gid == home.gid)
        #expect(try Journal.read(location.journalPath).events.count == 1)
    }

    @Test("feedback marks in a home shared by the user's group are appended 0660 in that group and read back")
    func sharedHomeFeedbackMarks() throws {
        let store = try makeHome(mode: 0o2770)
        let reviews = FeedbackReviews(store: store)
        try reviews.append([.init(reference: "disk-1#2", runbook: "disk-full", by: "amy", at: "2026-11-27T00:20:05Z")])
        #expect(try attributes(reviews.path).mode == 0o660)
        #expect(try attributes(reviews.path).gid == (try attributes(store.home)).gid)
        #expect(try reviews.reviewed() == ["disk-1#2"])
    }

    @Test("a feedback marks file that is a link, or that everyone can write, is refused, not read or followed")
    func unsafeFeedbackMarks() throws {
        let store = try makeHome(mode: 0o700)
        let reviews = FeedbackReviews(store: store)
        #expect(symlink("/etc/passwd", reviews.path) == 0)
        #expect(unsafe({ _ = try reviews.reviewed() }) == .symbolicLink)
        #expect(unlink(reviews.path) == 0)
        #expect(FileManager.default.createFile(atPath: reviews.path, contents: Data()))
        #expect(chmod(reviews.path, 0o666) == 0)
        #expect(unsafe({ _ = try reviews.reviewed() }) == .writableByEveryone(mode: 0o666))
    }

    @Test(
        "feedback marks lines that are not a record are counted as damaged, blank lines are not, and the rest are read")
    func damagedFeedbackMarks() throws {
        let store = try makeHome(mode: 0o700)
        let reviews = FeedbackReviews(store: store)
        try reviews.append([.init(reference: "disk-1#2", runbook: "disk-full", by: "amy", at: "2026-11-27T00:20:05Z")])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: reviews.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"reference\":\"disk-1#\n\n   \nnot json\n".utf8))
        try handle.close()
        try reviews.append([.init(reference: "disk-1#5", runbook: "disk-full", by: "amy", at: "2026-11-27T00:21:00Z")])
        let contents = try reviews.read()
        #expect(contents.references == ["disk-1#2", "disk-1#5"])
        #expect(contents.damagedLines == 2)
        #expect(try reviews.reviewed() == ["disk-1#2", "disk-1#5"])
    }

    @Test("a home that everyone, or its group outside a shared home, can write is refused for reading and writing")
    func writableHomes() throws {
        for (mode, expected) in [
            (mode_t(0o777), UnsafePathProblem.writableByEveryone(mode: 0o777)),
            (0o1777, .writableByEveryone(mode: 0o1777)), (0o770, .writableByGroup(mode: 0o770)),
        ] {
            let store = try makeHome(mode: mode)
            #expect(unsafe({ _ = try store.list() }) == expected)
            #expect(unsafe({ _ = try store.resolve("last") }) == expected)
            #expect(unsafe({ _ = try open(store) }) == expected)
            #expect(!FileManager.default.fileExists(atPath: store.incidentsDirectory))
        }
    }

    @Test("a journal or an incident folder that others can write is refused, for reading and appending")
    func writableJournal() throws {
        let store = try makeHome(mode: 0o700)
        let location = try open(store)
        #expect(chmod(location.journalPath, 0o666) == 0)
        let note = NewEvent(actor: "amy", kind: .note(text: "x", pinned: false, commander: false))
        #expect(unsafe({ _ = try Journal.read(location.journalPath) }) == .writableByEveryone(mode: 0o666))
        #expect(unsafe({ _ = try location.journal.append([note], now: now) }) == .writableByEveryone(mode: 0o666))
        #expect(chmod(location.journalPath, 0o600) == 0)
        #expect(chmod(location.directory, 0o770) == 0)
        #expect(unsafe({ _ = try Journal.read(location.journalPath) }) == .writableByGroup(mode: 0o770))
        #expect(unsafe({ _ = try location.journal.append([note], now: now) }) == .writableByGroup(mode: 0o770))
        #expect(try store.list().unreadable.map(\.id) == ["disk-1"])
    }

    func attributes(_ path: String) throws -> (mode: mode_t, gid: gid_t) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw JournalError.notFound(path: path) }
        return (info.st_mode & 0o7777, info.st_gid)
    }
}
