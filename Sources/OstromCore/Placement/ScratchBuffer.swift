/// A buffer one owner fills again for every sentence: it keeps its
/// memory, grows when it must, and is read and written without bounds
/// checks (asserted in debug builds), reference counting or uniqueness
/// tests, which cost the placement engine's arrays a third of its time.
/// (Meant for plain values, whose initialising and emptying cost nothing.)
struct ScratchBuffer<Element>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(index: Int) -> Element {
        @inline(__always) get {
            assert(index >= 0 && index < count, "a scratch buffer read out of bounds")
            return base[index]
        }
        @inline(__always) set {
            assert(index >= 0 && index < count, "a scratch buffer written out of bounds")
            base[index] = newValue
        }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: capacity * 2) }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Appends `element` when `condition` holds, without branching on it:
    /// room for it must have been made (`reserveCapacity`). For plain
    /// values only: one not appended is written over, never let go.
    @inline(__always)
    mutating func append(_ element: Element, if condition: Bool) {
        assert(count < capacity, "a scratch buffer appended to without room")
        (base + count).initialize(to: element)
        count += condition ? 1 : 0
    }

    /// Room for `count` elements in all.
    @inline(__always)
    mutating func reserveCapacity(_ count: Int) {
        if count > capacity { grow(to: max(count, capacity * 2)) }
    }

    mutating func append(contentsOf elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    /// Sorted in place (as `Array.sort`, not stable).
    mutating func sort(by areInIncreasingOrder: (Element, Element) -> Bool) {
        // (Most sentences have one match or none: sorting them cost as much as sorting a few.)
        guard count > 1 else { return }
        var elements = UnsafeMutableBufferPointer(start: base, count: count)
        elements.sort(by: areInIncreasingOrder)
    }

    /// Empty, its memory kept.
    @inline(__always)
    mutating func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }

    /// `count` copies of `value`.
    @inline(__always)
    mutating func refill(_ value: Element, count: Int) {
        removeAll()
        reserveCapacity(count)
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    private mutating func grow(to newCapacity: Int) {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
