import Foundation

extension Array {
    /// `map` on every core: the elements are split into one run per core
    /// (when there are at least `minimumPerPart` for each), every result
    /// written straight into its place. Too few for two runs are mapped
    /// here, without asking how many cores there are or starting Dispatch
    /// (a millisecond the first time: the browser's start, on a small library).
    public func parallelMap<Result>(minimumPerPart: Int = 256, _ transform: (Element) -> Result) -> [Result] {
        parallelMap(minimumPerPart: minimumPerPart, making: {}) { _, element in transform(element) }
    }

    /// `parallelMap` with a state each run makes once (`makeState`) and
    /// hands on from element to element: buffers kept, not made anew for each.
    public func parallelMap<State: ~Copyable, Result>(minimumPerPart: Int = 256, making makeState: () -> State,
                                                      _ transform: (inout State, Element) -> Result) -> [Result] {
        let count = self.count
        guard count >= 2 * Swift.max(1, minimumPerPart) else {
            var state = makeState()
            return map { transform(&state, $0) }
        }
        let parts = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / Swift.max(1, minimumPerPart)))
        return withoutActuallyEscaping(makeState) { makeState in
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let (makeState, transform) = (makeState, transform)
                nonisolated(unsafe) let elements = self
                return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
                    nonisolated(unsafe) let buffer = buffer
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        var state = makeState()
                        for offset in (count * part / parts)..<(count * (part + 1) / parts) {
                            (buffer.baseAddress! + offset).initialize(to: transform(&state, elements[offset]))
                        }
                    }
                    initialized = count
                }
            }
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// `transform` of each part of the bytes (about `partBytes` each; one
    /// when there are fewer), the parts shared out over the cores, the
    /// results in the parts' order.
    func parallelMapParts<Result>(partBytes: Int, _ transform: (Slice<Self>) -> Result) -> [Result] {
        let parts = Swift.max(1, count / Swift.max(1, partBytes))
        return Array<Int>(0..<parts).parallelMap(minimumPerPart: 1) { part in
            transform(self[(count * part / parts)..<(count * (part + 1) / parts)])
        }
    }
}
