import Dispatch

/// `map` over all cores for pure, independent work (parsing thousands of plan files).
public enum ParallelMap {
    public static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], minimumCount: Int = 16, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        guard elements.count >= minimumCount else { return elements.map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: elements.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        // Each index is written by exactly one iteration, so the buffer needs no lock.
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            slots[index] = transform(elements[index])
        }
        return results.map { $0! }
    }
}
