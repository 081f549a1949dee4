import Dispatch
import Glibc
import Synchronization

/// Reads a pipe to its end on a thread of Dispatch's, so a child that writes more than the pipe holds is not
/// stalled; the pipe's descriptor is closed at the end.
final class PipeReader: Sendable {
    private let bytes = Mutex<[UInt8]>([])
    private let done = DispatchSemaphore(value: 0)

    init(_ fd: Int32) {
        DispatchQueue.global().async { [self] in
            let read = FileDescriptorReading.read(fd, upTo: Int.max)
            close(fd)
            bytes.withLock { $0 = read }
            done.signal()
        }
    }

    /// What was read, once the pipe is closed.
    func wait() -> [UInt8] {
        done.wait()
        done.signal()
        return bytes.withLock { $0 }
    }
}
