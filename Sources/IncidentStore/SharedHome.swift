import FoundationEssentials
import Glibc
import IncidentModel
import Localization

/// Makes a folder an incidents home shared by a group: the folder in that group with mode 2770 (setgid, so what is
/// created in it stays in the group), and what it already holds of `respond`'s (`incidents/`, each incident's
/// folder and files) given the same group with 2770 and 0660, so that every member can follow and append.
public enum SharedHome {
    /// Creates `path` (its parent must exist) or fixes it, for the group called `groupName`. Links are never
    /// followed: not at `path`, nor inside it.
    public static func prepare(
        _ path: String, group groupName: String, account: Account = .current
    ) throws(SharedHomeError) {
        guard let gid = Account.groupID(groupName) else { throw .unknownGroup(groupName) }
        // Root may give a folder to any group; anyone else only to a group they are in, as chgrp requires.
        guard account.uid == 0 || account.groups.contains(gid) else {
            throw .notInGroup(group: groupName, user: account.name)
        }
        if mkdir(path, 0o2770) != 0, errno != EEXIST { throw .failed(path: path, code: errno) }
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK { throw .symbolicLink(path: path) }
            throw .failed(path: path, code: code)
        }
        defer { close(fd) }
        try share(fd, path: path, gid: gid, directory: true)
        // Only what respond keeps there: anything else in the folder is its owner's business.
        let incidents = openat(fd, "incidents", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if incidents >= 0 {
            defer { close(incidents) }
            try share(incidents, path: path + "/incidents", gid: gid, directory: true)
            try shareContents(of: incidents, path: path + "/incidents", gid: gid, depth: 2)
        }
    }

    /// Gives the folder or file open as `fd` the group and the shared mode.
    private static func share(_ fd: Int32, path: String, gid: UInt32, directory: Bool) throws(SharedHomeError) {
        do throws(JournalError) {
            try PrivateFiles.apply(.group(gid: gid), directory: directory, to: fd, path: path)
        } catch {
            throw .failed(path: path, code: errno)
        }
    }

    /// Shares the folders and regular files under the folder open as `directory`, `depth` levels down
    /// (`<id>/commands/<log>` under `incidents/`), opening each without following a link; links and other kinds of file
    /// are left as they are.
    private static func shareContents(
        of directory: Int32, path: String, gid: UInt32, depth: Int
    ) throws(SharedHomeError) {
        guard depth > 0 else { return }
        let listing = dup(directory)
        guard listing >= 0, let stream = fdopendir(listing) else { throw .failed(path: path, code: errno) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        for name in names {
            let child = path + "/" + name
            let fd = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                try share(fd, path: child, gid: gid, directory: true)
                try shareContents(of: fd, path: child, gid: gid, depth: depth - 1)
            case S_IFREG:
                try share(fd, path: child, gid: gid, directory: false)
            default:
                continue
            }
        }
    }
}

/// Why a folder could not be made a shared incidents home, with what to do about it.
public enum SharedHomeError: Error, Equatable, CustomStringConvertible {
    /// No group has this name.
    case unknownGroup(String)
    /// The account is not a member of the group, so it may not give a folder to it.
    case notInGroup(group: String, user: String)
    /// The folder is a symbolic link.
    case symbolicLink(path: String)
    /// A system call on `path` failed.
    case failed(path: String, code: Int32)

    /// What went wrong and what to do, in one line.
    public var description: String {
        switch self {
        case .unknownGroup(let group):
            "there is no group \"\(group)\": create it first (groupadd \(group)) and add the team to it"
        case .notInGroup(let group, let user):
            "\(user) is not in group \(group): ask an administrator for `usermod -aG \(group) \(user)`, log in again"
                + " and retry, or run this as root"
        case .symbolicLink(let path):
            "refusing \(path): it is a symbolic link; give the folder itself"
        case .failed(let path, let code):
            "cannot share \(path): \(String(cString: strerror(code))); it must be yours (or run this as root)"
        }
    }
}

extension SharedHomeError {
    /// The error in the language of `localizer`; `description` stays English.
    public func description(in localizer: Localizer) -> String {
        switch self {
        case .unknownGroup(let group):
            localizer.tr("cli.home.unknown_group", ["group": group])
        case .notInGroup(let group, let user):
            localizer.tr("cli.home.not_in_group", ["group": group, "user": user])
        case .symbolicLink(let path):
            localizer.tr("cli.home.symbolic_link", ["path": path])
        case .failed(let path, let code):
            localizer.tr("cli.home.failed", ["path": path, "reason": String(cString: strerror(code))])
        }
    }
}
