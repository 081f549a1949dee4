import FoundationEssentials
import Glibc
import IncidentModel

/// Who may read and write what a directory holds: its owner alone (directories 0700, files 0600), or every member
/// of one group (directories 2770, files 0660, all in that group), so that several accounts on one host can work
/// the same incidents.
///
/// A directory declares group sharing by its own mode: the setgid bit with group read, write and search, and
/// nothing for others to write. What it holds is then checked against that declaration, and what is created in it
/// gets the declared modes.
public enum FileSharing: Hashable, Sendable {
    /// Only the directory's owner reads and writes.
    case owner
    /// Every member of the group `gid` reads and writes.
    case group(gid: UInt32)

    /// The sharing a directory with `mode` in group `gid` declares.
    public static func declared(mode: mode_t, gid: UInt32) -> FileSharing {
        let shared = mode & S_ISGID != 0 && mode & 0o070 == 0o070 && mode & 0o002 == 0
        return shared ? .group(gid: gid) : .owner
    }

    /// The mode of a directory created under this sharing.
    public var directoryMode: mode_t {
        switch self {
        case .owner: 0o700
        case .group: 0o2770
        }
    }

    /// The mode of a file created under this sharing: journals, output logs, exports.
    public var fileMode: mode_t {
        switch self {
        case .owner: 0o600
        case .group: 0o660
        }
    }

    /// Why a file or directory with `mode`, `owner` and `group`, held in a directory that declares this sharing,
    /// must not be read or written by `account`, or nil when it may.
    ///
    /// Nobody but its owner, and the members of the sharing group when there is one, may be able to change it:
    /// anything writable by everyone is refused, anything writable by its group is refused unless that group is
    /// the sharing group, and a file of another user is refused unless it is in the sharing group. A user outside
    /// the sharing group has no business in it (root aside, who reads everything anyway).
    public func problem(mode: mode_t, owner: UInt32, group: UInt32, for account: Account) -> UnsafePathProblem? {
        let bits = UInt32(mode & 0o7777)
        if mode & 0o002 != 0 { return .writableByEveryone(mode: bits) }
        switch self {
        case .owner:
            if owner != account.uid { return .ownedByAnotherUser(uid: owner) }
            if mode & 0o020 != 0 { return .writableByGroup(mode: bits) }
        case .group(let shared):
            if account.uid != 0, !account.groups.contains(shared) {
                return .notInGroup(group: Account.groupName(shared), user: account.name)
            }
            guard group != shared else { return nil }
            if owner != account.uid { return .ownedByAnotherUser(uid: owner) }
            if mode & 0o020 != 0 {
                return .foreignGroup(group: Account.groupName(group), shared: Account.groupName(shared))
            }
        }
        return nil
    }
}

/// The account `respond` runs as: the user id its files must belong to and the groups whose shared homes it may
/// use.
public struct Account: Hashable, Sendable {
    /// The effective user id.
    public var uid: UInt32
    /// The effective group and every supplementary group.
    public var groups: Set<UInt32>
    /// The account's login name, or its uid when it has none.
    public var name: String

    /// An account with these ids.
    public init(uid: UInt32, groups: Set<UInt32>, name: String) {
        self.uid = uid
        self.groups = groups
        self.name = name
    }

    /// The account this process runs as, looked up once: a process does not change its ids.
    public static let current: Account = {
        let count = Int(getgroups(0, nil))
        var ids = [gid_t](repeating: 0, count: Swift.max(0, count))
        let filled = count > 0 ? Int(getgroups(Int32(count), &ids)) : 0
        let groups = Set(ids[0..<Swift.max(0, filled)]).union([getegid()])
        return Account(uid: geteuid(), groups: groups, name: userName(geteuid()) ?? String(geteuid()))
    }()

    /// The login name of the real user, as events record who acted when `--as` does not say; nil when the user
    /// id has no entry in the password database.
    public static var loginName: String? { userName(getuid()) }

    /// The name of group `gid`, or its number when it has none.
    public static func groupName(_ gid: UInt32) -> String {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getgrgid_r(gid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.gr_name
        else { return String(gid) }
        return String(cString: name)
    }

    /// The id of the group called `name`, or nil when there is none.
    public static func groupID(_ name: String) -> UInt32? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 1 << 16)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.gr_gid
    }

    private static func userName(_ uid: uid_t) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name
        else { return nil }
        return String(cString: name)
    }
}
