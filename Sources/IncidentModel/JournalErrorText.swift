import FoundationEssentials
import Glibc
import Localization

extension JournalError {
    /// The error in the language of `localizer`, as the command line and the guide show it; `description` stays
    /// English for logs and tests.
    public func description(in localizer: Localizer) -> String {
        switch self {
        case .diskFull(let path):
            localizer.tr("cli.journal.disk_full", ["path": path])
        case .permissionDenied(let path):
            localizer.tr("cli.journal.permission_denied", ["path": path])
        case .readOnly(let path):
            localizer.tr("cli.journal.read_only", ["path": path])
        case .locked(let path, let waited):
            localizer.tr("cli.journal.locked", ["path": path, "seconds": String(Int(waited.rounded()))])
        case .notFound(let path):
            localizer.tr("cli.journal.not_found", ["path": path])
        case .newerSchema(let path, let line, let version):
            localizer.tr(
                "cli.journal.newer_schema",
                ["location": path + (line.map { ":\($0)" } ?? ""), "version": String(version)])
        case .truncated(let path):
            localizer.tr("cli.journal.truncated", ["path": path])
        case .changedWhileRead(let path):
            localizer.tr("cli.journal.changed_while_read", ["path": path])
        case .encodingFailed(let path, let reason):
            localizer.tr("cli.journal.encoding_failed", ["path": path, "reason": reason])
        case .seqExhausted(let path, let seq):
            localizer.tr("cli.journal.seq_exhausted", ["path": path, "seq": String(seq)])
        case .io(let path, let operation, let code):
            localizer.tr(
                ["read", "stat"].contains(operation) ? "cli.journal.io_failed" : "cli.journal.io_failed_unwritten",
                ["operation": operation, "path": path, "reason": String(cString: strerror(code))])
        case .unsafePath(let path, let problem) where problem.isPermission:
            localizer.tr(
                "cli.journal.unsafe_permissions",
                ["path": path, "problem": problem.description(in: localizer), "fix": problem.fix(for: path) ?? ""])
        case .unsafePath(let path, let problem):
            localizer.tr("cli.journal.unsafe_path", ["path": path, "problem": problem.description(in: localizer)])
        }
    }
}

extension UnsafePathProblem {
    /// What was found in the language of `localizer`, as the end of a sentence starting with the path.
    public func description(in localizer: Localizer) -> String {
        switch self {
        case .symbolicLink:
            localizer.tr("cli.unsafe_path.symbolic_link")
        case .notARegularFile(let found):
            localizer.tr("cli.unsafe_path.not_a_regular_file", ["found": Self.kind(found, in: localizer)])
        case .notADirectory(let found):
            localizer.tr("cli.unsafe_path.not_a_directory", ["found": Self.kind(found, in: localizer)])
        case .ownedByAnotherUser(let uid):
            localizer.tr("cli.unsafe_path.other_owner", ["uid": String(uid), "own": String(geteuid())])
        case .writableByEveryone(let mode):
            localizer.tr("cli.unsafe_path.writable_by_everyone", ["mode": Self.octal(mode)])
        case .writableByGroup(let mode):
            localizer.tr("cli.unsafe_path.writable_by_group", ["mode": Self.octal(mode)])
        case .foreignGroup(let group, let shared):
            localizer.tr("cli.unsafe_path.foreign_group", ["group": group, "shared": shared])
        case .notInGroup(let group, let user):
            localizer.tr("cli.unsafe_path.not_in_group", ["group": group, "user": user])
        }
    }
}

extension UnsafePathProblem {
    /// The catalog keys of the kinds of file `kind(of:)` names, by its English name.
    package static let kindKeys: [String: String] = [
        "a regular file": "cli.file_kind.regular", "a directory": "cli.file_kind.directory",
        "a FIFO": "cli.file_kind.fifo", "a socket": "cli.file_kind.socket", "a device": "cli.file_kind.device",
        "a symbolic link": "cli.file_kind.symbolic_link", "an unknown kind of file": "cli.file_kind.unknown",
    ]

    /// A kind of file `kind(of:)` named, in the language of `localizer`.
    static func kind(_ found: String, in localizer: Localizer) -> String {
        kindKeys[found].map { localizer.tr($0) } ?? found
    }
}

extension JournalProblem {
    /// `path:line: what` in the language of `localizer`, one line.
    public func description(in localizer: Localizer) -> String {
        "\(Self.visible(path)):\(line): \(message(in: localizer))"
    }

    /// What is wrong and what was done about it, without where, in the language of `localizer`.
    public func message(in localizer: Localizer) -> String {
        switch kind {
        case .tornTail:
            localizer.tr("cli.journal_problem.torn_tail")
        case .corrupt(let reason):
            localizer.tr("cli.journal_problem.corrupt", ["reason": Self.visible(reason.description(in: localizer))])
        case .outOfOrder(let seq, let previous):
            localizer.tr("cli.journal_problem.out_of_order", ["seq": String(seq), "previous": String(previous)])
        }
    }
}

extension RunbookReferenceError {
    /// The error in the language of `localizer`; `description` stays English.
    public func description(in localizer: Localizer) -> String {
        switch self {
        case .noSuchStep(let runbook, let query, let available):
            localizer.tr(
                "cli.step.no_such_step",
                ["runbook": runbook, "query": query, "available": available.joined(separator: ", ")])
        case .ambiguousStep(let runbook, let query, let candidates):
            localizer.tr(
                "cli.step.ambiguous",
                [
                    "runbook": runbook, "query": query,
                    "candidates": candidates.joined(separator: localizer.tr("cli.step.or")),
                ])
        case .noSuchChecklistItem(let runbook, let item, let count):
            count == 0
                ? localizer.tr("cli.checklist.none", ["runbook": runbook])
                : localizer.tr(
                    "cli.checklist.no_such_item", ["runbook": runbook, "item": String(item), "count": String(count)])
        }
    }
}
