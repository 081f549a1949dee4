import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import RunbookKit

/// The path helpers held to the `NSString` path methods they replace, on the paths `respond` meets (runbook files,
/// incident directories, journal files, output destinations) and on random paths of awkward components.
@Suite("File paths as NSString gives them", .temporaryFiles)
struct FilePathsTests {
    private static let paths = [
        "", "/", "//", "///", "ab", "ab/", "ab//", "/a", "/a/", "//a", "a/b", "a/b/", "/a/b", "/a//b", "a//b//", "./a",
        "../a", "/a/./b", "/a/../b", "/a/b/..", "/a/b/.", "..", "/..", "/.", "/a/b/../../..", "/a/b/../../../c",
        "a/../b", "a/./b", "/a/b//", "/x/.hidden/", "/a/...", "/a/.../b/..", "資料/庫", "/資料/庫/", "/a b/c d",
        "runbooks/db/replica-lag.md", "/srv/runbooks/README.md", "/home/sre/.local/share/respond/incidents/",
        "/home/sre/.local/share/respond/incidents/2026-12-04-db/timeline.jsonl", "incidents/2026-12-04-db/",
        "~", "~/", "~/x", "~//x//", "~root/x", "~root", "~nosuchuser/x", "x/~", "/tmp/../tmp/./x",
    ]

    @Test("the last component, as lastPathComponent", arguments: paths)
    func lastComponent(path: String) {
        #expect(FilePaths.lastComponent(of: path) == (path as NSString).lastPathComponent)
    }

    @Test("the path without its last component, as deletingLastPathComponent", arguments: paths)
    func deletingLastComponent(path: String) {
        // Foundation traps on a relative one-character name (checked apart, below).
        guard !Self.isOneCharacterName(path) else { return }
        #expect(FilePaths.deletingLastComponent(of: path) == (path as NSString).deletingLastPathComponent)
    }

    /// Whether the path is one relative name of one character, with or without trailing slashes.
    private static func isOneCharacterName(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        return path.first != "/" && components.count == 1 && components[0].count == 1
    }

    @Test("a relative path of one component, where Foundation traps on one character, loses it all")
    func deletingOnlyComponent() {
        #expect(FilePaths.deletingLastComponent(of: "a") == "")
        #expect(FilePaths.deletingLastComponent(of: "a/") == "")
        #expect(FilePaths.deletingLastComponent(of: ".") == "")
        #expect(FilePaths.deletingLastComponent(of: "~") == "")
    }

    @Test("the path with a tilde expanded, as expandingTildeInPath", arguments: paths)
    func expandingTilde(path: String) {
        #expect(FilePaths.expandingTilde(in: path) == (path as NSString).expandingTildeInPath)
    }

    @Test("the standardized path, as standardizingPath", arguments: paths)
    func standardizing(path: String) {
        #expect(FilePaths.standardizing(path) == (path as NSString).standardizingPath)
    }

    @Test(
        "a component appended, as appendingPathComponent",
        arguments: [
            ("", "b"), ("a", ""), ("", ""), ("/", "b"), ("a", "b"), ("a/", "b"), ("a//", "b"), ("a", "/b"),
            ("a/", "/b"), ("a", "b/"), ("a", "b//c"), ("/", "/"), ("a", "/"), ("//", "b"), ("a", "./b"),
            ("/srv/runbooks", "README.md"), ("/home/sre/", "db-lag.md"), ("資料", "庫.md"),
        ])
    func appending(path: String, component: String) {
        #expect(FilePaths.appending(component, to: path) == (path as NSString).appendingPathComponent(component))
    }

    @Test("symbolic links in an absolute path are resolved, as standardizingPath resolves them")
    func symbolicLinks() throws {
        let root = try TemporaryDirectory()
        let real = root.path + "/real"
        try FileManager.default.createDirectory(atPath: real + "/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/link", withDestinationPath: real)
        try FileManager.default.createSymbolicLink(
            atPath: root.path + "/chain", withDestinationPath: root.path + "/link")
        try FileManager.default.createSymbolicLink(
            atPath: root.path + "/dangling", withDestinationPath: root.path + "/gone")
        for path in [
            "/link/sub/../x", "/link/./sub", "/real/sub/..", "/link/", "/link", "/link/..", "/link/../real",
            "/chain/sub",
            "/chain/sub/..", "/dangling/x", "/dangling/..",
        ] {
            let full = root.path + path
            #expect(FilePaths.standardizing(full) == (full as NSString).standardizingPath, "\(path)")
        }
    }

    @Test("a link with a relative target is resolved from the link's own directory")
    func relativeLink() throws {
        let root = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: root.path + "/real/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/relative", withDestinationPath: "real/sub")
        let canonicalRoot = FilePaths.standardizing(root.path)
        #expect(FilePaths.standardizing(root.path + "/relative/x") == canonicalRoot + "/real/sub/x")
    }

    @Test("random paths of awkward components give NSString's results")
    func randomPaths() async {
        // No empty component: runs of slashes are left to the chosen paths, since NSString on Linux keeps a
        // trailing slash after some of them (`/a///.//.` loses its last component as `/a/./`), and no path the
        // program makes holds one.
        let components = ["a", "ab", ".", "..", "...", "資料", "x y", "~", "~root", ".hidden", "tmp"]
        let paths = Generator { random in
            let parts = (0..<Int.random(in: 0...6, using: &random)).map { _ in components.randomElement(using: &random)!
            }
            return (Bool.random(using: &random) ? "/" : "") + parts.joined(separator: "/")
                + (Bool.random(using: &random) ? "/" : "")
        }
        await propertyCheck(count: 400, input: paths) { path in
            let ns = path as NSString
            #expect(FilePaths.lastComponent(of: path) == ns.lastPathComponent, "\(path)")
            #expect(FilePaths.expandingTilde(in: path) == ns.expandingTildeInPath, "\(path)")
            #expect(FilePaths.standardizing(path) == ns.standardizingPath, "\(path)")
            #expect(FilePaths.appending("c", to: path) == ns.appendingPathComponent("c"), "\(path)")
            if !Self.isOneCharacterName(path) {
                #expect(FilePaths.deletingLastComponent(of: path) == ns.deletingLastPathComponent, "\(path)")
            }
        }
    }
}
