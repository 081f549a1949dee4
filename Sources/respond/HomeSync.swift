import FoundationEssentials
import Glibc
import IncidentModel
import IncidentStore
import Localization
import TerminalText

/// One sync of an incidents home that is a git work tree with a remote: commit the journal files that changed,
/// fetch, merge, push, and fetch and merge again when the push is refused because another machine pushed first.
///
/// Journal files never conflict in a merge (each is appended to by one machine only, `IncidentFiles`), so a merge
/// either succeeds or something else is wrong (the same incident id opened on two machines, a file edited by
/// hand): then the merge is aborted, which leaves the work tree as it was, and the sync stops and says so.
struct HomeSync {
    /// Why a sync stopped.
    enum Failure: Error, Equatable {
        /// The home is not a git work tree.
        case notAWorkTree(home: String)
        /// The work tree has no remote to sync with.
        case noRemote(home: String)
        /// The work tree is on no branch (a detached HEAD).
        case noBranch(home: String)
        /// The home's own git configuration names programs a sync would run (a merge driver, a filter, an
        /// include of another file): `keys` are their names.
        case commandsInConfig(home: String, keys: [String])
        /// The remote could not be fetched from or pushed to; `message` is git's last line.
        case unreachable(remote: String, message: String)
        /// The merge of what the remote had would have needed a person; it was aborted.
        case conflict(paths: [String])
        /// The push was refused again after every retry.
        case rejected(remote: String, attempts: Int)
        /// There is no `git` on `PATH`.
        case gitNotInstalled
        /// `git` could not be run, or failed in another way; `message` says how.
        case git(command: String, message: String)
        /// `git` did not finish in time and was stopped.
        case timedOut(command: String, seconds: Int)
        /// A journal's lock could not be taken to commit it.
        case journal(JournalError)

        /// The failure in the words of `localizer`, with what to do about it.
        func description(in localizer: Localizer) -> String {
            switch self {
            case .notAWorkTree(let home): localizer.tr("cli.sync.not_a_work_tree", ["home": home])
            case .noRemote(let home): localizer.tr("cli.sync.no_remote", ["home": home])
            case .noBranch(let home): localizer.tr("cli.sync.no_branch", ["home": home])
            case .commandsInConfig(let home, let keys):
                localizer.tr("cli.sync.commands_in_config", ["home": home, "keys": keys.joined(separator: ", ")])
            case .unreachable(let remote, let message):
                localizer.tr("cli.sync.unreachable", ["remote": remote, "message": message])
            case .conflict(let paths): localizer.tr("cli.sync.conflict", ["paths": paths.joined(separator: ", ")])
            case .rejected(let remote, let attempts):
                localizer.tr("cli.sync.rejected", ["remote": remote, "attempts": String(attempts)])
            case .gitNotInstalled: localizer.tr("cli.sync.git_not_installed")
            case .git(let command, let message):
                localizer.tr("cli.sync.git_failed", ["command": command, "message": message])
            case .timedOut(let command, let seconds):
                localizer.tr("cli.sync.timed_out", ["command": command, "seconds": String(seconds)])
            case .journal(let error): error.description(in: localizer)
            }
        }

        /// The short reason the guide's status bar gives.
        func reason(in localizer: Localizer) -> String {
            switch self {
            case .notAWorkTree, .noRemote, .noBranch, .commandsInConfig: localizer.tr("ui.sync.reason.not_set_up")
            case .unreachable: localizer.tr("ui.sync.reason.unreachable")
            case .conflict: localizer.tr("ui.sync.reason.conflict")
            case .rejected: localizer.tr("ui.sync.reason.rejected")
            case .git, .gitNotInstalled: localizer.tr("ui.sync.reason.git")
            case .timedOut: localizer.tr("ui.sync.reason.unreachable")
            case .journal: localizer.tr("ui.sync.reason.locked")
            }
        }

        /// The exit status `respond sync` ends with: 78 (configuration) when the home is not set up for syncing,
        /// 69 (unavailable) when the remote cannot be reached, 1 otherwise.
        var exitStatus: Int32 {
            switch self {
            case .notAWorkTree, .noRemote, .noBranch, .commandsInConfig, .gitNotInstalled: 78
            case .unreachable, .timedOut: 69
            case .conflict, .rejected, .git, .journal: 1
            }
        }
    }

    /// What a sync did.
    struct Report: Equatable {
        /// Whether this machine's journal data was committed.
        var committed: Bool
        /// Whether the remote's commits were merged in.
        var merged: Bool
        /// How many pushes were refused before one went through.
        var retries: Int
    }

    /// The journal files of every incident, relative to the home: the only files a sync commits. Command output,
    /// postmortem drafts and rescue files stay on the machine that wrote them.
    func journalFiles() -> [String] {
        let files = FileManager.default
        let ids = (try? files.contentsOfDirectory(atPath: home + "/incidents")) ?? []
        return ids.filter(IncidentStore.isValidID).sorted().flatMap { id in
            let names = (try? files.contentsOfDirectory(atPath: home + "/incidents/" + id)) ?? []
            return names.filter { name in
                name == Journal.fileName || name == IncidentFiles.openerFileName
                    || IncidentFiles.writer(ofFileName: name) != nil
            }.sorted().map { "incidents/" + id + "/" + $0 }
        }
    }

    /// How many times a refused push is retried after a new fetch and merge.
    static let attempts = 5

    /// The home, a git work tree.
    let home: String
    /// The git that runs in it.
    let git: GitProcess

    /// A sync of `home` whose commits are authored by `actor`.
    init(home: String, actor: String, timeout: Double = 60) {
        self.home = home
        git = GitProcess(directory: home, timeout: timeout, author: actor)
    }

    /// Whether `home` is a git work tree with a remote: what the guide checks before it syncs in the background.
    static func hasRemote(home: String) -> Bool {
        var info = stat()
        guard lstat(home + "/.git", &info) == 0 else { return false }
        let outcome = try? GitProcess(directory: home, timeout: 10).run(["remote"])
        return outcome.map { $0.status == 0 && !$0.output.isEmpty } ?? false
    }

    /// Commits, fetches, merges and pushes, as the type says.
    func run() throws(Failure) -> Report {
        // Files git creates (another machine's journal, a new incident's folder) get the home's modes: private to
        // the owner, or shared with the home's group, never readable by others; the store refuses anything else.
        var info = stat()
        let shared = stat(home, &info) == 0 && info.st_mode & S_ISGID != 0
        let mask = umask(shared ? 0o007 : 0o077)
        defer { umask(mask) }
        let (remote, branch) = try setUp()
        var committed = false
        var merged = false
        for attempt in 0..<Self.attempts {
            try fetch(remote)
            // No journal may grow while git commits it and merges beside it: a merge that stops puts the tracked
            // files back as committed, and would take with it a line appended after the commit.
            let hold = try holdJournals()
            defer { hold.release() }
            committed = try commitJournals() || committed
            merged = try merge(remote: remote, branch: branch) || merged
            hold.release()
            let push = try run([
                "push", "--quiet", "--no-verify", "--receive-pack=git-receive-pack", remote,
                "HEAD:refs/heads/" + branch,
            ])
            if push.status == 0 { return Report(committed: committed, merged: merged, retries: attempt) }
            guard Self.isRejection(push.errors) else {
                throw .unreachable(remote: remote, message: Self.lastLine(push.errors))
            }
        }
        throw .rejected(remote: remote, attempts: Self.attempts)
    }

    /// The remote (`origin` when there is one, else the first) and the branch HEAD is on.
    private func setUp() throws(Failure) -> (remote: String, branch: String) {
        var info = stat()
        guard lstat(home + "/.git", &info) == 0 else { throw .notAWorkTree(home: home) }
        let inside = try run(["rev-parse", "--is-inside-work-tree"])
        guard inside.status == 0, inside.output.hasPrefix("true") else { throw .notAWorkTree(home: home) }
        let remotes = try run(["remote"]).output.split(separator: "\n").map(String.init)
        guard let remote = remotes.contains("origin") ? "origin" : remotes.first else { throw .noRemote(home: home) }
        let head = try run(["symbolic-ref", "--quiet", "--short", "HEAD"])
        let branch = head.output.trimmingScalars(in: .whitespacesAndNewlines)
        guard head.status == 0, !branch.isEmpty else { throw .noBranch(home: home) }
        try refuseCommandsInConfig()
        return (remote, branch)
    }

    /// Refuses a home whose own git configuration names a merge driver or a filter (programs git would run on the
    /// files it merges and checks out) or includes another file (which could name anything): in a group-shared home
    /// any member can write that configuration, and a clone's can be edited by hand. Hooks, the file system monitor
    /// and the programs run at the remote's end are overridden on every run instead (`GitProcess`, `fetch`, `run`),
    /// and `core.sshCommand` by the environment.
    private func refuseCommandsInConfig() throws(Failure) {
        let pattern = #"^(include\.|includeif\.|(merge|filter)\..+\.)"#
        let found = try run(["config", "--local", "--name-only", "--get-regexp", pattern])
        let keys = found.output.split(separator: "\n").map(String.init)
        guard keys.isEmpty else { throw .commandsInConfig(home: home, keys: keys) }
    }

    /// The append locks of every journal in the home, held until released.
    private func holdJournals() throws(Failure) -> JournalHold {
        do {
            return try JournalHold(journalFiles().filter { $0.hasSuffix(".jsonl") }.map { home + "/" + $0 })
        } catch {
            throw .journal(error)
        }
    }

    /// Stages the journal files that changed and commits them; false when nothing changed.
    private func commitJournals() throws(Failure) -> Bool {
        let paths = journalFiles()
        guard !paths.isEmpty else { return false }
        try check(run(["add", "--"] + paths), "git add")
        let staged = try run(["diff", "--cached", "--quiet", "--no-ext-diff", "--no-textconv", "--"] + paths)
        guard staged.status != 0 else { return false }
        try check(run(["commit", "--quiet", "--no-verify", "-m", "respond sync", "--"] + paths), "git commit")
        return true
    }

    private func fetch(_ remote: String) throws(Failure) {
        let fetch = try run(["fetch", "--quiet", "--upload-pack=git-upload-pack", remote])
        guard fetch.status == 0 else { throw .unreachable(remote: remote, message: Self.lastLine(fetch.errors)) }
    }

    /// Merges the remote's branch when it has one and it holds commits this one does not; a merge that stops is
    /// aborted, so the work tree is left as it was, and reported with the paths it stopped on.
    private func merge(remote: String, branch: String) throws(Failure) -> Bool {
        let tracking = remote + "/" + branch
        let exists = try run(["rev-parse", "--verify", "--quiet", "refs/remotes/" + tracking])
        guard exists.status == 0 else { return false }
        // A home cloned from an empty repository has no commit of its own until its first journal is committed.
        if try run(["rev-parse", "--verify", "--quiet", "HEAD"]).status == 0 {
            let behind = try run(["rev-list", "--count", "HEAD.." + tracking])
            guard behind.status == 0, behind.output.trimmingScalars(in: .whitespacesAndNewlines) != "0" else {
                return false
            }
        }
        // Two homes that each committed before either fetched have no common commit; their journal files are
        // still distinct, so their histories are merged all the same.
        let merge = try run([
            "merge", "--quiet", "--no-edit", "--no-verify", "--allow-unrelated-histories", "-m", "respond sync: merge",
            tracking,
        ])
        guard merge.status != 0 else { return true }
        let unmerged = try run(["diff", "--name-only", "--diff-filter=U"]).output
            .split(separator: "\n").map(String.init)
        _ = try run(["merge", "--abort"])
        throw unmerged.isEmpty
            ? .git(command: "git merge", message: Self.lastLine(merge.errors + "\n" + merge.output))
            : .conflict(paths: unmerged)
    }

    private func run(_ arguments: [String]) throws(Failure) -> GitProcess.Outcome {
        do {
            return try git.run(arguments)
        } catch {
            switch error {
            case .cannotStart(let reason): throw .git(command: "git " + (arguments.first ?? ""), message: reason)
            case .notInstalled: throw .gitNotInstalled
            case .timedOut(let seconds): throw .timedOut(command: "git " + (arguments.first ?? ""), seconds: seconds)
            }
        }
    }

    private func check(_ outcome: GitProcess.Outcome, _ command: String) throws(Failure) {
        guard outcome.status == 0 else { throw .git(command: command, message: Self.lastLine(outcome.errors)) }
    }

    /// Whether the remote refused the push (it has commits this one does not, or a hook declined it), rather than
    /// could not be reached: worth a new fetch, merge and push.
    private static func isRejection(_ errors: String) -> Bool {
        ["rejected]", "non-fast-forward", "fetch first", "cannot lock ref", "failed to update ref"].contains {
            errors.contains($0)
        }
    }

    private static func lastLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
    }
}
