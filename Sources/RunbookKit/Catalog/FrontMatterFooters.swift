import FoundationEssentials
import Glibc

/// What a folder library's front matter, read at load, says of each runbook's footer (owner, last reviewed), by id,
/// for the runbooks whose front matter says any of it; and from when it holds.
struct FrontMatterFooters: Sendable {
    /// Files modified at or after this time (nanoseconds since the epoch) may have changed since they were read.
    /// A second before the load began: file times are taken from a coarser clock than `now()`.
    let readSince: Int64
    /// The footers, by runbook id.
    let footers: [String: Footer]

    /// The time now, in nanoseconds since the epoch, less a second; see `readSince`.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time) - 1_000_000_000
    }

    /// A file time in nanoseconds since the epoch.
    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
