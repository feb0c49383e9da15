import Foundation

/// A byte buffer that grows with `realloc`: the index appends a few bytes
/// per posting millions of times, where `Array.append(contentsOf:)` spends
/// more on uniqueness checks and generic copying than on the bytes.
/// Written only while the index is built, read-only after.
final class GrowableBytes: @unchecked Sendable {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// Bytes inside a block something else owns (an index read from its
    /// file) are never grown nor freed here.
    private let owned: Bool

    init(capacity: Int = 8) {
        self.capacity = capacity
        pointer = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
        owned = true
    }

    /// Bytes from `malloc`, owned from now on.
    init(adopting bytes: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int) {
        pointer = bytes
        self.count = count
        self.capacity = capacity
        owned = true
    }

    /// Read-only bytes inside a block that outlives this.
    init(borrowing bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        pointer = bytes
        self.count = count
        capacity = count
        owned = false
    }

    deinit { if owned { free(pointer) } }

    @inline(__always)
    func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        precondition(owned, "borrowed bytes are read-only")
        if count + length > capacity {
            capacity = max(capacity * 2, count + length)
            pointer = realloc(pointer, capacity)!.assumingMemoryBound(to: UInt8.self)
        }
        for index in 0..<length { pointer[count + index] = source[index] }
        count += length
    }

    /// Room for `total` bytes in all, exactly (no spare capacity to give back).
    func reserve(_ total: Int) {
        guard owned, capacity < total else { return }
        capacity = total
        pointer = realloc(pointer, capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    /// Gives back the spare capacity.
    func compact() {
        guard owned, capacity > max(1, count) else { return }
        capacity = max(1, count)
        pointer = realloc(pointer, capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: pointer, count: count) }
}
