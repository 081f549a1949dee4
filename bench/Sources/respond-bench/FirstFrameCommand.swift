import Foundation
import GuideUI
import RunbookKit
import TerminalFrame

/// `first-frame DIR`: what the guide does from process start up to its first catalog frame, in-process: load
/// the catalog, build the library and the model at 80x24, launch on the catalog and draw the frame. Only the
/// curses calls that put the frame on the terminal are left out.
enum FirstFrameCommand {
    static func run(_ arguments: [String]) throws {
        guard arguments.count == 1 else { throw BenchError.usage("respond-bench first-frame DIR") }
        let catalog = try Catalog.load(directory: arguments[0])
        guard !catalog.runbookIDs.isEmpty else { throw BenchError.noRunbooks(arguments[0]) }
        let model = AppModel(
            library: Library(catalog: catalog), actor: "bench", colorEnabled: true,
            width: 80, height: 24, now: Date())
        let frame = view(launch(model, .catalog).0)
        let drawn = (0..<frame.height).filter { row in (0..<frame.width).contains { frame[$0, row].symbol != " " } }
        print(
            "catalog of \(catalog.runbookIDs.count) runbooks; first frame \(frame.width)x\(frame.height), \(drawn.count) rows drawn"
        )
    }
}
