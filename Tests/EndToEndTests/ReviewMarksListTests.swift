import Foundation
import TestSupport
import Testing

/// `respond list`'s review marks when what they come from cannot be read, and when a runbook's review dates come
/// from its front matter: the listing always succeeds, and says once on standard error what it could not read.
@Suite(
    "respond list warns of the review marks it could not read, and marks from front matter", .temporaryFiles,
    .tags(.slow))
struct ReviewMarksListTests {
    /// A home with one note about disk-full, from incident `a`, marked reviewed.
    private static func homeWithReviewedNote() throws -> String {
        let home = try makeHome()
        try run(home, ["start", "disk-full", "--detach", "--id", "a"])
        try run(home, ["log", "a", "feedback", "du needs -x"])
        try run(home, ["feedback", "ack", "a#2"])
        return home
    }

    @discardableResult
    private static func run(_ home: String, _ arguments: [String]) throws -> String {
        let result = try respond(arguments, home: home)
        #expect(result.status == 0, "respond \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// The disk-full row of `respond list`.
    private static func diskFullRow(_ stdout: String) -> String {
        stdout.split(separator: "\n").first { $0.contains("disk-full") }.map(String.init) ?? ""
    }

    @Test(
        "a review file that is a link or another user's is refused in one warning naming it; every note counts as unreviewed"
    )
    func refusedMarkFile() throws {
        let home = try Self.homeWithReviewedNote()
        let marks = home + "/feedback-reviewed.jsonl"
        let clean = try respond(["list"], home: home)
        #expect(clean.status == 0 && clean.stderr == "")
        #expect(!Self.diskFullRow(clean.stdout).contains("feedback"))

        #expect(rename(marks, home + "/elsewhere.jsonl") == 0)
        #expect(symlink(home + "/elsewhere.jsonl", marks) == 0)
        let linked = try respond(["list"], home: home)
        #expect(linked.status == 0)
        #expect(
            linked.stderr
                == "warning: the feedback review marks were not read, so every feedback note counts as not reviewed: "
                + "refusing \(marks): it is a symbolic link, and respond never follows links for its own files; move it "
                + "aside and put the incident's own file or directory there (files 0600, directories 0700, owned by the "
                + "user who runs respond); nothing was written\n")
        #expect(Self.diskFullRow(linked.stdout).contains("1 feedback"))

        #expect(unlink(marks) == 0)
        #expect(rename(home + "/elsewhere.jsonl", marks) == 0)
        #expect(chown(marks, 4321, 4321) == 0)
        let foreign = try respond(["list", "--json"], home: home)
        #expect(foreign.status == 0)
        #expect(foreign.stderr.split(separator: "\n").count == 1)
        #expect(foreign.stderr.contains("belongs to another user (uid 4321)"), "\(foreign.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(foreign.stdout.utf8)) as? [String: Any]
        let rows = (object?["categories"] as? [[String: Any]])?.first?["runbooks"] as? [[String: Any]]
        #expect(rows?.first?["unreviewedFeedback"] as? Int == 1)
    }

    @Test("damaged lines in the review file are counted in one warning naming the file, by list and feedback alike")
    func damagedMarkFile() throws {
        let home = try Self.homeWithReviewedNote()
        let marks = home + "/feedback-reviewed.jsonl"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: marks))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"reference\":\"a#\n".utf8))
        try handle.close()
        let listed = try respond(["list"], home: home)
        #expect(listed.status == 0)
        #expect(
            listed.stderr
                == "warning: 1 damaged line in \(marks) skipped: a note it marked reviewed counts as not reviewed "
                + "until the line is fixed or removed (one JSON record a line)\n")
        #expect(!Self.diskFullRow(listed.stdout).contains("feedback"))
        let feedback = try respond(["feedback"], home: home)
        #expect(feedback.status == 0 && feedback.stderr == listed.stderr)
        #expect(feedback.stdout == "no unreviewed runbook feedback\n")
    }

    @Test("incidents that cannot be read are skipped and counted in one warning; the others' feedback is still counted")
    func unreadableIncidents() throws {
        let home = try makeHome()
        try Self.run(home, ["start", "disk-full", "--detach", "--id", "a"])
        try Self.run(home, ["log", "a", "feedback", "du needs -x"])
        try Self.run(home, ["start", "disk-full", "--detach", "--id", "b"])
        try Self.run(home, ["start", "disk-full", "--detach", "--id", "c"])
        let journal = { (id: String) in home + "/incidents/\(id)/timeline.jsonl" }
        #expect(rename(journal("b"), home + "/b.jsonl") == 0)
        #expect(symlink(home + "/b.jsonl", journal("b")) == 0)
        #expect(chown(journal("c"), 4321, 4321) == 0)
        let listed = try respond(["list"], home: home)
        #expect(listed.status == 0)
        #expect(
            listed.stderr
                == "warning: 2 incidents could not be read and their feedback is not counted; `respond feedback` "
                + "names them and why\n")
        #expect(Self.diskFullRow(listed.stdout).contains("1 feedback"))
    }

    @Test("a runbook's Last Updated from its front matter marks its review due, unless its footer says otherwise")
    func frontMatterReviewDates() throws {
        let home = try makeHome()
        let body = String(repeating: "- check the mount and the largest directories\n", count: 120)
        let runbook = { (footer: String) in
            "---\nlast_reviewed: 2025-01-10\nowner: Storage\n---\n# Runbook: Disk Full\n\n## Symptoms\n\n\(body)\n"
                + "## Impact\n\n- **Severity**: P1\n\n---\n\n\(footer)**Review Cycle**: Monthly\n"
        }
        try runbook("").write(toFile: home + "/runbooks/disk-full.md", atomically: true, encoding: .utf8)
        let stale = try respond(["list", "--json"], home: home)
        #expect(stale.status == 0 && stale.stderr == "")
        let object = try JSONSerialization.jsonObject(with: Data(stale.stdout.utf8)) as? [String: Any]
        let row = ((object?["categories"] as? [[String: Any]])?.first?["runbooks"] as? [[String: Any]])?.first
        #expect(row?["stale"] as? Bool == true)
        #expect(row?["reviewDue"] as? String == "2025-02-10")
        #expect(Self.diskFullRow(try Self.run(home, ["list"])).contains("review due"))

        let today = ISO8601DateFormatter.string(
            from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        try runbook("**Last Updated**: \(today)\n").write(
            toFile: home + "/runbooks/disk-full.md", atomically: true, encoding: .utf8)
        #expect(!Self.diskFullRow(try Self.run(home, ["list"])).contains("review due"))
    }
}
