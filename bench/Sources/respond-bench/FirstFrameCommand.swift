import Foundation
import RunbookKit

/// `first-frame DIR`: what the guide does from process start up to its first catalog frame, in-process.
enum FirstFrameCommand {
    static func run(_ arguments: [String]) throws {
        guard arguments.count == 1 else { throw BenchError.usage("respond-bench first-frame DIR") }
        let catalog = try Catalog.load(directory: arguments[0])
        guard !catalog.runbooks.isEmpty else { throw BenchError.noRunbooks(arguments[0]) }
        print("catalog of \(catalog.runbooks.count) runbooks")
    }
}
