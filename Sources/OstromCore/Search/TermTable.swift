import Foundation

/// A vocabulary keyed by bytes: each distinct term gets a dense id. Built
/// for the index's hot path (one lookup per token), where hashing Swift
/// Strings would cost several times more.
struct TermTable {
    private(set) var arena: [UInt8] = []
    private(set) var offsets: [Int32] = [0]
    private(set) var slots: [Int32]
    private var mask: Int

    init(capacity: Int) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// A table as an index file keeps it; `nil` when the parts disagree.
    init?(arena: [UInt8], offsets: [Int32], slots: [Int32]) {
        let count = offsets.count - 1
        guard count >= 0, offsets[0] == 0, Int(offsets[count]) == arena.count,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
              slots.count >= max(1, count * 2), slots.count & (slots.count - 1) == 0,
              slots.allSatisfy({ $0 >= -1 && Int($0) < count }),
              slots.count(where: { $0 >= 0 }) == count else { return nil }
        self.arena = arena
        self.offsets = offsets
        self.slots = slots
        mask = slots.count - 1
    }

    var count: Int { offsets.count - 1 }

    func bytes(of id: Int) -> ArraySlice<UInt8> {
        arena[Int(offsets[id])..<Int(offsets[id + 1])]
    }

    func string(of id: Int) -> String {
        String(decoding: bytes(of: id), as: UTF8.self)
    }

    /// The id of a term, or `nil` when it is not in the vocabulary.
    func id(of term: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(term)
        var slot = hash & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { return nil }
            if equals(id, term) { return id }
            slot = (slot + 1) & mask
        }
    }

    func id(of term: [UInt8]) -> Int? {
        term.withUnsafeBufferPointer { id(of: $0) }
    }

    /// Whether term `id` has exactly these bytes (compared in place).
    @inline(__always)
    private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[id])
        let length = Int(offsets[id + 1]) - start
        guard length == term.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            guard let base = arena.baseAddress, let other = term.baseAddress else { return length == 0 }
            return Self.same(UnsafeRawPointer(base + start), UnsafeRawPointer(other), length)
        }
    }

    /// Whether `count` bytes at `one` and `other` are the same, compared
    /// eight (or four) at a time in place, reading no byte outside either:
    /// most terms are a few bytes long, where a call to `memcmp` costs
    /// more than the comparison.
    @inline(__always)
    static func same(_ one: UnsafeRawPointer, _ other: UnsafeRawPointer, _ count: Int) -> Bool {
        if count >= 8 {
            var offset = 0
            while offset + 8 < count {
                if one.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != other.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                    return false
                }
                offset += 8
            }
            return one.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == other.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 {
            return one.loadUnaligned(as: UInt32.self) == other.loadUnaligned(as: UInt32.self)
                && one.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == other.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        var offset = 0
        while offset < count {
            if one.load(fromByteOffset: offset, as: UInt8.self) != other.load(fromByteOffset: offset, as: UInt8.self) { return false }
            offset += 1
        }
        return true
    }

    /// The id of a term, adding it when new.
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(term)
        var slot = hash & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if equals(id, term) { return id }
            slot = (slot + 1) & mask
        }
        let id = count
        arena.append(contentsOf: term)
        offsets.append(Int32(arena.count))
        slots[slot] = Int32(id)
        if count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for id in 0..<count {
            var slot = bytes(of: id).withUnsafeBufferPointer { Self.hash($0) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    mutating func insert(_ term: ArraySlice<UInt8>) -> Int {
        term.withUnsafeBufferPointer { insert($0) }
    }

    /// The hash of a term's bytes, read eight at a time (the last eight
    /// overlapping the ones before, and shorter terms read in at most two
    /// overlapping loads), then mixed (SplitMix64's finaliser) so that its
    /// low bits, which pick the slot, depend on every byte. The table's
    /// slots are kept in the index file: a change here moves
    /// `IndexFile.format` on.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        guard let base = bytes.baseAddress else { return Int(truncatingIfNeeded: hash) }
        let raw = UnsafeRawPointer(base)
        @inline(__always) func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
        }
        if count >= 8 {
            var offset = 0
            while offset + 8 < count {
                mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            mix(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        } else if count >= 4 {
            mix(UInt64(raw.loadUnaligned(as: UInt32.self)) | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32)
        } else if count > 0 {
            mix(UInt64(base[0]) | UInt64(base[count / 2]) << 8 | UInt64(base[count - 1]) << 16)
        }
        hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: hash ^ (hash >> 31))
    }
}
