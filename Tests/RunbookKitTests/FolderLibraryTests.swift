import Foundation
import TestSupport
import Testing

@testable import RunbookKit

@Suite("A library of nested folders without an index", .temporaryFiles)
struct FolderLibraryTests {
    private func load() throws -> Catalog {
        try Catalog.load(directory: TestPaths.alertLibrary)
    }

    @Test("folders become categories named by their _index.md title and ordered by its weight; dot-folders are skipped")
    func categories() throws {
        let catalog = try load()
        #expect(
            catalog.categories.map(\.name) == [
                "etcd", "Control plane", "Kubernetes workloads", "Storage", "certificates", "zh-hans", "zh-hant",
                "Moved elsewhere",
            ])
        #expect(catalog.indexPath == nil)
        #expect(!catalog.files.contains { $0.contains(".github") })
        #expect(!catalog.files.contains { $0.hasSuffix("_index.md") })
    }

    @Test("ids are file names, with the folder path added when two files share a name")
    func ids() throws {
        let catalog = try load()
        #expect(catalog.runbookIDs.contains("KubePodCrashLooping"))
        #expect(catalog.runbookIDs.contains("control-plane/KubeAPIDown"))
        #expect(catalog.runbookIDs.contains("kubernetes/KubeAPIDown"))
        #expect(!catalog.runbookIDs.contains("KubeAPIDown"))
        let runbook = try #require(catalog.runbook(id: "control-plane/KubeAPIDown"))
        #expect(runbook.id == "control-plane/KubeAPIDown")
        #expect(runbook.path.hasSuffix("control-plane/KubeAPIDown.md"))
    }

    @Test("drafts are not listed and a file that only says where its runbook moved is a stub")
    func draftsAndStubs() throws {
        let catalog = try load()
        #expect(!catalog.runbookIDs.contains("KubeDraftAlert"))
        let moved = try #require(catalog.categories.last)
        #expect(moved.entries.map(\.id) == ["OldDiskAlert"])
        #expect(moved.entries.first?.description == "moved to ../storage/VolumeFillingUp.md")
        #expect(catalog.runbook(id: "OldDiskAlert")?.movedTo == "../storage/VolumeFillingUp.md")
    }

    @Test("the listing shows front matter titles and summaries, else the first paragraph, without parsing a runbook")
    func entries() throws {
        let catalog = try load()
        let crash = try #require(catalog.entry(id: "KubePodCrashLooping"))
        #expect(crash.title == "Pod is crash looping")
        #expect(crash.description == "A container keeps restarting after it exits.")
        #expect(crash.severity == .p2)
        #expect(crash.file == "kubernetes/KubePodCrashLooping.md")
        #expect(catalog.entry(id: "kubernetes/KubeAPIDown")?.description.hasPrefix("The kube-apiserver") == true)
        #expect(catalog.unindexed.isEmpty)
    }

    @Test("a runbook is found by its id, file name, front matter title, alias or H1")
    func lookup() throws {
        let catalog = try load()
        #expect(try catalog.resolve("KubePodCrashLooping").id == "KubePodCrashLooping")
        #expect(try catalog.resolve("Pod is crash looping").id == "KubePodCrashLooping")
        #expect(try catalog.resolve("crashloop").id == "KubePodCrashLooping")
        #expect(try catalog.resolve("KubePersistentVolumeFillingUp").id == "VolumeFillingUp")
        #expect(try catalog.resolve("disk-full").id == "VolumeFillingUp")
        #expect(throws: CatalogLookupError.self) { try catalog.resolve("KubeAPIDown") }
    }

    @Test("loading reads headers only: a runbook is parsed when it is first asked for")
    func lazy() throws {
        let directory = try freshDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/db", withIntermediateDirectories: true)
        let path = directory + "/db/PostgresDown.md"
        try "# PostgresDown\n\nThe primary is down.\n".write(toFile: path, atomically: true, encoding: .utf8)
        let catalog = try Catalog.load(directory: directory)
        #expect(catalog.entry(id: "PostgresDown")?.description == "The primary is down.")
        try "# PostgresDown\n\n## Mitigation\n\nFail over.\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(catalog.runbook(id: "PostgresDown")?.sections.map(\.kind) == [.resolution])
    }

    @Test("the shipped library keeps its index: a directory with an index table is not read as folders")
    func shippedStaysIndexed() throws {
        let catalog = try Catalog.load(directory: TestPaths.shippedRunbooks)
        #expect(catalog.indexPath != nil)
        #expect(catalog.categories.first?.name == "Performance 問題")
    }

    @Test("a repository's own files are not runbooks, and a title written as a link is its text")
    func repositoryFilesAndLinkedTitles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("CONTRIBUTING.md", "# Contributing\n\nOpen a merge request.\n")
        try directory.write("CHANGELOG.md", "# Changes\n\n- added a runbook\n")
        try FileManager.default.createDirectory(atPath: directory.path + "/cdn", withIntermediateDirectories: false)
        try directory.write("cdn/README.md", "# [Edge CDN](https://cdn.example.com)\n\nThe CDN in front of us.\n")
        try directory.write(
            "cdn/PurgeFailing.md", "# [Purge](https://cdn.example.com/purge) failing\n\n## Mitigation\n\n- retry\n")
        let catalog = try Catalog.load(directory: directory.path)
        #expect(catalog.runbookIDs == ["PurgeFailing"])
        #expect(catalog.categories.map(\.name) == ["Edge CDN"])
        #expect(catalog.entry(id: "PurgeFailing")?.title == "Purge failing")
        #expect(catalog.entry(id: "PurgeFailing")?.title == catalog.runbook(id: "PurgeFailing")?.title)
    }
}
