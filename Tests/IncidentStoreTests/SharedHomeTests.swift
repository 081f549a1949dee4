import Foundation
import IncidentModel
import IncidentStore
import TestSupport
import Testing

@Suite("Preparing a folder as a home shared by a group", .temporaryFiles)
struct SharedHomeTests {
    let now = utc("2026-11-27T00:20:05.123Z")
    /// A group this process is in, so that it may give folders to it without being root.
    let group = Account.groupName(getegid())

    func bits(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    @Test("a new folder is made 2770 in the group, and incidents started there are shared")
    func newFolder() throws {
        let home = try freshDirectory() + "/shared"
        try SharedHome.prepare(home, group: group)
        #expect(bits(home) == 0o2770)
        let location = try IncidentStore(home: home).open(
            runbook: "disk-full", title: "t", severity: .p2, drill: false, actor: "amy", id: "disk-1", now: now
        ).location
        #expect(bits(location.directory) == 0o2770)
        #expect(bits(location.journalPath) == 0o660)
    }

    @Test("an existing private home is fixed: its incidents' folders become 2770 and their files 0660")
    func existingHome() throws {
        let home = try freshDirectory() + "/private"
        let store = IncidentStore(home: home)
        let location = try store.open(
            runbook: "disk-full", title: "t", severity: .p2, drill: false, actor: "amy", id: "disk-1", now: now
        ).location
        #expect(bits(location.journalPath) == 0o600)
        try SharedHome.prepare(home, group: group)
        #expect(bits(home) == 0o2770)
        #expect(bits(store.incidentsDirectory) == 0o2770)
        #expect(bits(location.directory) == 0o2770)
        #expect(bits(location.journalPath) == 0o660)
        #expect(try store.list().incidents.map(\.id) == ["disk-1"])
    }

    @Test("an unknown group, and a link in the folder's place, are refused and nothing is changed")
    func refusals() throws {
        let base = try freshDirectory()
        #expect(throws: SharedHomeError.unknownGroup("no-such-group-\(getpid())")) {
            try SharedHome.prepare(base + "/a", group: "no-such-group-\(getpid())")
        }
        #expect(!FileManager.default.fileExists(atPath: base + "/a"))
        let target = base + "/target"
        #expect(mkdir(target, 0o700) == 0)
        try FileManager.default.createSymbolicLink(atPath: base + "/link", withDestinationPath: target)
        #expect(throws: SharedHomeError.symbolicLink(path: base + "/link")) {
            try SharedHome.prepare(base + "/link", group: group)
        }
        #expect(bits(target) == 0o700)
    }

    @Test("an account outside the group may not give a folder to it")
    func outsider() {
        let bob = Account(uid: 4243, groups: [4243], name: "bob")
        #expect(throws: SharedHomeError.notInGroup(group: group, user: "bob")) {
            try SharedHome.prepare("/nonexistent/shared", group: group, account: bob)
        }
    }
}
