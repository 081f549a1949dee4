import Foundation
import RunbookKit

/// `parse DIR`: reads and parses every markdown file of a runbook directory into the model, as the catalog does:
/// each file read the catalog's way, the index through the index parser, every other `*.md` through the runbook
/// parser.
enum ParseCommand {
    static func run(_ arguments: [String]) throws {
        guard arguments.count == 1 else { throw BenchError.usage("respond-bench parse DIR") }
        let directory = arguments[0]
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") }
            .sorted()
        var runbooks = 0
        var steps = 0
        for name in names {
            let path = directory + "/" + name
            guard case .data(let data) = Catalog.readRunbookFile(path) else {
                throw BenchError.failed("cannot read \(path)")
            }
            if name == "README.md" {
                steps += IndexParser.parse(data: data, path: path).index.categories.count
            } else if let runbook = RunbookParser.parse(data: data, path: path).runbook {
                runbooks += 1
                steps += runbook.steps.count
            }
        }
        guard runbooks > 0 else { throw BenchError.noRunbooks(directory) }
        print("parsed \(runbooks) runbooks, \(steps) steps and categories")
    }
}
