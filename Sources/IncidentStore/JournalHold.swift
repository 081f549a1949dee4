import FoundationEssentials
import Glibc
import IncidentModel

/// The append locks of several journals, held together: while a sync commits and merges, no process appends to
/// the journals git reads and may write, so git never sees a journal change under it and what it commits is what
/// is on disk. Appends wait for the locks as they wait for any other writer's.
public final class JournalHold {
    private var descriptors: [Int32] = []

    /// Takes the lock of every journal at `paths` that exists, waiting up to `timeout` seconds for each; when one
    /// cannot be taken, those already taken are released and the error says which journal it was.
    public init(_ paths: [String], timeout: Double = 10) throws(JournalError) {
        for path in paths {
            let fd: Int32
            do {
                fd = try PrivateFiles.openFile(atPath: path, flags: O_RDONLY).fd
            } catch .notFound {
                continue
            } catch {
                release()
                throw error
            }
            descriptors.append(fd)
            do {
                try FileIO.lockExclusive(fd, path: path, timeout: timeout)
            } catch {
                release()
                throw error
            }
        }
    }

    deinit {
        release()
    }

    /// Releases every lock held.
    public func release() {
        for fd in descriptors {
            flock(fd, LOCK_UN)
            close(fd)
        }
        descriptors = []
    }
}
