import Dispatch
import Foundation

/// Reads a pipe to its end on a thread of its own, so a child that writes more than the pipe holds is not stalled.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = (try? handle.readToEnd()) ?? Data()
            self.done.signal()
        }
    }

    /// What was read, once the pipe is closed.
    func wait() -> Data {
        done.wait()
        return data
    }
}
