import Synchronization

/// Large arrays a search is done with (the last searches' hits, the atoms'
/// outcomes the cache forgot, the browser's lists of hits), whose memory
/// the next takes again once no one holds them: a word typed in a library
/// of a million records has about a million hits (8 MB), which, mapped
/// fresh at every keystroke (`FreedMemory.keepLargeBlocksApart`), cost two
/// thousand page faults, 2 to 9 µs each on this machine (`cop`: 15 to 17 ms
/// of processor with 1 854 faults, 12.5 ms with 120).
public final class ArrayMemory<Element: BitwiseCopyable & Sendable>: Sendable {
    private let kept = Mutex<[[Element]]>([])
    private let capacity: Int
    /// The most elements the arrays kept may have room for in all.
    private let budget: Int
    /// Whether the newest array kept is still in use (the last results, which the index keeps).
    private let newestIsHeld: Bool
    /// Smaller arrays are like any other (taken from the heap, not mapped apart).
    static var smallest: Int { (128 << 10) / MemoryLayout<Element>.stride }

    /// Keeps the `capacity` arrays kept last, with room for `budget` elements at most.
    public init(capacity: Int, newestIsHeld: Bool, budget: Int = .max) {
        self.capacity = capacity
        self.newestIsHeld = newestIsHeld
        self.budget = budget
    }

    /// An empty array with room for `count` elements: the memory of a kept
    /// array no one holds any more, the oldest first, or fresh memory,
    /// rounded up to a power of two so that the next array fits in it. A
    /// kept array someone still holds is tried once, then left to its
    /// holder; one too small for `count` is let go.
    public func take(count: Int) -> [Element] {
        var taken: [Element] = []
        guard count >= Self.smallest else {
            taken.reserveCapacity(count)
            return taken
        }
        var arrays = kept.withLock { kept in
            defer { kept.removeAll() }
            return kept
        }
        let newest = newestIsHeld ? arrays.popLast() : nil
        while taken.capacity < count, !arrays.isEmpty {
            var array = arrays.removeFirst()
            guard array.capacity >= count else { continue }
            let memory = array.withUnsafeBufferPointer(\.baseAddress)
            // Another holder's array is left to it: emptying it makes this a new one.
            array.removeAll(keepingCapacity: true)
            if array.withUnsafeBufferPointer(\.baseAddress) == memory { taken = array }
        }
        kept.withLock { kept in kept = arrays + (newest.map { [$0] } ?? []) + kept }
        if taken.capacity < count { taken.reserveCapacity(1 << (Int.bitWidth - (count - 1).leadingZeroBitCount)) }
        return taken
    }

    /// `count` elements, all `value`, to be written over through a pointer
    /// (an append asks at every element whether the array is shared); an
    /// array cannot be given memory it has not initialised.
    public func take(count: Int, filledWith value: Element) -> [Element] {
        var taken = take(count: count)
        taken.append(contentsOf: repeatElement(value, count: count))
        return taken
    }

    /// Keeps an array to take its memory again once no one holds it.
    public func keep(_ array: [Element]) {
        guard array.capacity >= Self.smallest else { return }
        kept.withLock { kept in
            kept.append(array)
            while kept.count > capacity || kept.reduce(0, { $0 + $1.capacity }) > budget { kept.removeFirst() }
        }
    }
}
