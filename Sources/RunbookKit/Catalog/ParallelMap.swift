import Dispatch

extension Array where Element: Sendable {
    /// The elements transformed on every core at once, in the array's order. For independent, pure work such
    /// as parsing one file each, or reading one journal each.
    public func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let slots = Slots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { position in
            slots.buffer[position] = transform(self[position])
        }
        return slots.buffer.compactMap { $0 }
    }
}

/// One slot per element for `parallelMap`; each iteration writes only its own slot, so the slots can be shared
/// between the threads without a lock.
private final class Slots<Value>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}
