/// A buffer one owner fills again for every sentence: it keeps its
/// memory, grows when it must, and is read and written without bounds
/// checks (asserted in debug builds), reference counting or uniqueness
/// tests, which cost the placement engine's arrays a third of its time.
struct ScratchBuffer<Element: BitwiseCopyable>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

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
        base[count] = element
        count += 1
    }

    /// Empty, its memory kept.
    @inline(__always)
    mutating func removeAll() {
        count = 0
    }

    /// `count` copies of `value`.
    @inline(__always)
    mutating func refill(_ value: Element, count: Int) {
        if count > capacity { grow(to: max(count, capacity * 2)) }
        base.update(repeating: value, count: count)
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
