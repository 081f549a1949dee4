import Foundation
import TestSupport
import Testing

@testable import RunbookKit

/// Lint reports a relative link to a file that does not exist, by file and line, in our template and in foreign
/// libraries alike.
@Suite("Dead relative links", .temporaryFiles)
struct DeadLinkTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 27)

    private func lint(_ directory: String) throws -> [Diagnostic] {
        Linter(checker: ScriptedShellChecker(), today: Self.today, linkTargets: DiskLinkTargets()).lint(
            try Catalog.load(directory: directory))
    }

    private func deadLinks(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.message.contains("no such file") }.map(\.description)
    }

    @Test("a template runbook's Related link to a missing runbook is an error on its line, gone once the file exists")
    func templateLibrary() throws {
        let directory = try TemporaryDirectory()
        try directory.write(
            "README.md",
            "### Storage\n\n| Runbook | Severity | Description |\n|---|---|---|\n| [Disk Full](disk-full.md) | P2 | disk |\n"
        )
        try directory.write("disk-full.md", templateRunbook)
        #expect(
            deadLinks(try lint(directory.path)) == [
                "\(directory.path)/disk-full.md:57: error: link to high-cpu-usage.md: no such file (relative to this "
                    + "file's folder); fix the path or remove the link"
            ])
        try directory.write("high-cpu-usage.md", templateRunbook)
        #expect(deadLinks(try lint(directory.path)).isEmpty)
    }

    @Test("in a foreign library of folders, links are resolved from the runbook's folder; others are left alone")
    func folderLibrary() throws {
        let directory = try TemporaryDirectory()
        for folder in ["storage", "network"] {
            try FileManager.default.createDirectory(
                atPath: directory.path + "/" + folder, withIntermediateDirectories: true)
        }
        try directory.write("network/DNSDown.md", "# DNSDown\n\n## Mitigation\n\nRestart the resolver.\n")
        try directory.write(
            "storage/VolumeFull.md",
            """
            # VolumeFull

            ## Diagnosis

            See [DNS](../network/DNSDown.md#mitigation), [the site page](../network/DNSDown/),
            [the old page](../network/Resolver.md) and [this file](VolumeFull.md).

            ## Mitigation

            - [Upstream](https://example.com/runbooks/VolumeFull.md) · [mail](mailto:storage@example.com)
            - [Below](#diagnosis) · [Site root](/docs/storage/) · [ref]({{< ref "other.md" >}})
            - ![graph](images/usage%20graph.png)
            """)
        #expect(
            deadLinks(try lint(directory.path)) == [
                "\(directory.path)/storage/VolumeFull.md:6: error: link to ../network/Resolver.md: no such file "
                    + "(relative to this file's folder); fix the path or remove the link",
                "\(directory.path)/storage/VolumeFull.md:12: error: link to images/usage%20graph.png: no such file "
                    + "(relative to this file's folder); fix the path or remove the link",
            ])
        try FileManager.default.createDirectory(
            atPath: directory.path + "/storage/images", withIntermediateDirectories: true)
        try directory.write("storage/images/usage graph.png", "png")
        #expect(deadLinks(try lint(directory.path)).count == 1)
    }

    @Test(
        "only links without a scheme, an anchor, a root or a template are relative; the fragment and query are dropped",
        arguments: [
            ("../other.md", "../other.md"), ("other.md#step-2", "other.md"), ("a%20b.md?plain=1", "a b.md"),
            ("https://example.com/x.md", nil), ("mailto:team@example.com", nil), ("#impact", nil),
            ("/docs/x.md", nil), ("{{< ref \"x.md\" >}}", nil), ("", nil), ("c:x", nil),
        ] as [(String, String?)])
    func relativePaths(destination: String, path: String?) {
        #expect(DeadLinks.relativePath(destination) == path)
    }
}
