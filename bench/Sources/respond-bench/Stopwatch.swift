import Foundation

/// Monotonic time, for timing work inside the process.
enum Stopwatch {
    /// Now on the monotonic clock, in nanoseconds.
    static func now() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }

    /// How long `work` takes, in nanoseconds, and what it returned.
    static func time<T>(_ work: () throws -> T) rethrows -> (nanoseconds: UInt64, result: T) {
        let start = now()
        let result = try work()
        return (now() - start, result)
    }
}

/// Order statistics of a list of samples.
struct Percentiles {
    private let sorted: [UInt64]

    /// Summarises the samples (nanoseconds).
    init(_ samples: [UInt64]) {
        sorted = samples.sorted()
    }

    /// The sample at fraction `p` (0…1) of the sorted list, nearest rank.
    func at(_ p: Double) -> UInt64 {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// The median.
    var median: UInt64 { at(0.5) }
}
