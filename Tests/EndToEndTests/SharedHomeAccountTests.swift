import Foundation
import TestSupport
import Testing

/// Three throwaway UNIX accounts and a group, made for one test and removed after it whatever happens: two members
/// of the group and one outsider. Only root can make them.
private struct TeamAccounts: ~Copyable {
    let group: String
    let members: [String]
    let outsider: String

    init() throws {
        let suffix = String(UInt32.random(in: 0..<UInt32.max), radix: 36)
        group = "rsg" + suffix
        members = ["rsa" + suffix, "rsb" + suffix]
        outsider = "rsc" + suffix
        try Self.run("/usr/sbin/groupadd", [group])
        var made: [String] = []
        do {
            for name in members {
                try Self.run("/usr/sbin/useradd", ["-M", "-s", "/usr/sbin/nologin", "-G", group, name])
                made.append(name)
            }
            try Self.run("/usr/sbin/useradd", ["-M", "-s", "/usr/sbin/nologin", outsider])
        } catch {
            for name in made { _ = try? runProcess("/usr/sbin/userdel", [name]) }
            _ = try? runProcess("/usr/sbin/groupdel", [group])
            throw error
        }
    }

    deinit {
        for name in members + [outsider] { _ = try? runProcess("/usr/sbin/userdel", [name]) }
        _ = try? runProcess("/usr/sbin/groupdel", [group])
    }

    private static func run(_ path: String, _ arguments: [String]) throws {
        let result = try runProcess(path, arguments)
        guard result.status == 0 else { throw SetupFailed(what: "\(path) \(arguments): \(result.stderr)") }
    }
}

/// A step of the test's setup failed.
private struct SetupFailed: Error, CustomStringConvertible {
    let what: String
    var description: String { what }
}

@Suite(
    "A home shared by a group: two real accounts append to one incident, outsiders and unsafe files are refused",
    .temporaryFiles, .tags(.slow),
    .enabled(if: geteuid() == 0, "creating UNIX accounts needs root; run the tests as root to include this suite")
)
struct SharedHomeAccountTests {
    /// A folder every account can reach, holding a copy of the binary (the build folder may be private to root)
    /// and the runbooks.
    func workspace() throws -> (base: String, binary: String, runbooks: String) {
        let base = try freshDirectory()
        var folder = base
        while folder != "/" && !folder.isEmpty {
            // The test's temporary folders are made with root's umask; every account must be able to pass them.
            chmod(folder, 0o755)
            if folder == FileManager.default.temporaryDirectory.path { break }
            folder = (folder as NSString).deletingLastPathComponent
        }
        let binary = base + "/respond"
        // Copied by cp, not by this process: a child another test starts meanwhile would inherit a descriptor
        // open for writing on the copy, and running it would fail with "Text file busy".
        let copied = try runProcess("/bin/cp", [PackagePaths.binary, binary])
        guard copied.status == 0 else { throw SetupFailed(what: "cp: \(copied.stderr)") }
        chmod(binary, 0o755)
        let runbooks = try makeHome() + "/runbooks"
        for path in [(runbooks as NSString).deletingLastPathComponent, runbooks] { chmod(path, 0o755) }
        return (base, binary, runbooks)
    }

    /// Runs the binary as `account` with only the variables a login gives and the home and runbooks.
    func respond(
        as account: String, _ arguments: [String], binary: String, home: String, runbooks: String
    ) throws -> ProcessResult {
        try runProcess(
            "/usr/sbin/runuser", ["-u", account, "--", binary] + arguments,
            environment: [
                "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "RESPOND_HOME": home, "RESPOND_RUNBOOKS": runbooks,
            ])
    }

    @Test("both members' concurrent appends are all there, whole, in seq order, each with its account as actor")
    func twoAccounts() throws {
        let team = try TeamAccounts()
        let (base, binary, runbooks) = try workspace()
        let home = base + "/incidents-home"
        let initialized = try runProcess(binary, ["home", "init", home, "--group", team.group])
        #expect(initialized.status == 0, "\(initialized.stderr)")
        #expect(initialized.stdout.contains("export RESPOND_HOME=\(home)"))
        func run(_ account: String, _ arguments: [String]) throws -> ProcessResult {
            try respond(as: account, arguments, binary: binary, home: home, runbooks: runbooks)
        }
        let (amy, ben) = (team.members[0], team.members[1])
        let started = try run(amy, ["start", "disk-full", "--detach", "--id", "shared-1"])
        try #require(started.status == 0, "\(started.stderr)")

        let count = 40
        let writers = try team.members.map { account in
            try RunningProcess(
                "/usr/sbin/runuser",
                [
                    "-u", account, "--", "/bin/sh", "-c",
                    #"i=1; while [ $i -le "$COUNT" ]; do "$RESPOND" log shared-1 note "$WHO $i" >/dev/null || exit 1; i=$((i+1)); done"#,
                ],
                environment: [
                    "PATH": "/usr/bin:/bin", "RESPOND": binary, "RESPOND_HOME": home, "RESPOND_RUNBOOKS": runbooks,
                    "COUNT": String(count), "WHO": account,
                ])
        }
        for writer in writers {
            let result = try writer.finish()
            #expect(result.status == 0, "\(result.stderr)")
        }

        let journal = home + "/incidents/shared-1/timeline.jsonl"
        let text = try String(contentsOfFile: journal, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        let lines = try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
        #expect(lines.compactMap { $0["seq"] as? Int } == Array(1...(1 + 2 * count)))
        #expect(lines.first?["actor"] as? String == amy)
        for account in team.members {
            let notes = lines.filter { ($0["text"] as? String)?.hasPrefix(account + " ") == true }
            #expect(notes.compactMap { $0["text"] as? String } == (1...count).map { "\(account) \($0)" })
            #expect(notes.allSatisfy { $0["actor"] as? String == account }, "\(account)'s notes name another actor")
        }
        #expect(modeBits(home + "/incidents/shared-1") == 0o2770)
        #expect(modeBits(journal) == 0o660)

        for account in team.members {
            let review = try run(account, ["review", "shared-1", "--plain"])
            #expect(review.status == 0, "\(review.stderr)")
            #expect(review.stdout.contains("\(amy) \(count)") && review.stdout.contains("\(ben) \(count)"))
            let timeline = try run(account, ["timeline", "shared-1"])
            #expect(timeline.status == 0, "\(timeline.stderr)")
            let export = try run(account, ["export", "shared-1"])
            #expect(export.status == 0, "\(export.stderr)")
            #expect(modeBits(home + "/incidents/shared-1/postmortem.md") == 0o660)
            let listed = try run(account, ["incidents"])
            #expect(listed.stdout.contains("shared-1"), "\(listed.stderr)")
        }

        let outsider = try run(team.outsider, ["review", "shared-1", "--plain"])
        #expect(outsider.status == 1)
        #expect(outsider.stderr.contains("is shared by group \(team.group), which \(team.outsider) is not a member of"))
        #expect(outsider.stderr.contains("usermod -aG \(team.group) \(team.outsider)"))
    }

    @Test("a world-writable shared home and a symlinked journal are refused to every member, naming path and fix")
    func unsafeFiles() throws {
        let team = try TeamAccounts()
        let (base, binary, runbooks) = try workspace()
        let home = base + "/incidents-home"
        #expect(try runProcess(binary, ["home", "init", home, "--group", team.group]).status == 0)
        func run(_ account: String, _ arguments: [String]) throws -> ProcessResult {
            try respond(as: account, arguments, binary: binary, home: home, runbooks: runbooks)
        }
        let (amy, ben) = (team.members[0], team.members[1])
        #expect(try run(amy, ["start", "disk-full", "--detach", "--id", "linked"]).status == 0)

        let victim = base + "/victim"
        try "victim\n".write(toFile: victim, atomically: false, encoding: .utf8)
        chmod(victim, 0o666)
        let journal = home + "/incidents/linked/timeline.jsonl"
        try FileManager.default.removeItem(atPath: journal)
        try FileManager.default.createSymbolicLink(atPath: journal, withDestinationPath: victim)
        let appended = try run(ben, ["log", "linked", "note", "through the link"])
        #expect(appended.status == 1)
        #expect(appended.stderr.contains("refusing \(journal): it is a symbolic link"), "\(appended.stderr)")
        #expect(try run(ben, ["review", "linked", "--plain"]).status == 1)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "victim\n")

        let outsider = try run(team.outsider, ["home", "init", base + "/other", "--group", team.group])
        #expect(outsider.status == 1)
        #expect(outsider.stderr.contains("\(team.outsider) is not in group \(team.group)"), "\(outsider.stderr)")
        let unknown = try runProcess(binary, ["home", "init", base + "/other", "--group", team.group + "x"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("there is no group \"\(team.group)x\""), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: base + "/other"))

        chmod(home, 0o2777)
        let listed = try run(amy, ["incidents"])
        #expect(listed.status == 1)
        #expect(listed.stderr.contains("refusing \(home): it can be written by everyone (mode 2777)"))
        #expect(listed.stderr.contains("chmod o-w '\(home)'"))
    }
}

/// The mode bits of the file or directory at `path` itself, or -1 when there is none.
private func modeBits(_ path: String) -> Int {
    var info = stat()
    guard lstat(path, &info) == 0 else { return -1 }
    return Int(info.st_mode & 0o7777)
}
