import Foundation

/// The posting lists of a part while it is built: per term, the ends of
/// its two byte streams (postings and positions) and what the list counts,
/// together in one 64-byte slot of raw memory. Writing a record's postings
/// then touches one slot per term, where lists of their own touched the
/// list, the objects of its two buffers and their bytes, and checked the
/// array of lists for sharing at every posting.
final class PostingTails {
    private struct Slot {
        var bytes: UnsafeMutablePointer<UInt8>?
        var positions: UnsafeMutablePointer<UInt8>?
        var byteCount = 0
        var byteCapacity = 0
        var positionCount = 0
        var positionCapacity = 0
        var lastDocument: Int32 = -1
        var postingCount: Int32 = 0
        var fields: UInt32 = 0
    }

    private static let slotBytes = 64
    private var slots: UnsafeMutablePointer<Slot>
    private var capacity = 1024
    private(set) var count = 0

    init() {
        precondition(MemoryLayout<Slot>.stride <= Self.slotBytes, "a term's slot fits a cache line")
        slots = Self.allocate(capacity)
    }

    deinit {
        for index in 0..<count {
            free(slots[index].bytes)
            free(slots[index].positions)
        }
        UnsafeMutableRawPointer(slots).deallocate()
    }

    /// A new term, numbered `count`, with no postings yet.
    func addTerm() {
        if count == capacity {
            let larger = Self.allocate(capacity * 2)
            larger.moveInitialize(from: slots, count: count)
            UnsafeMutableRawPointer(slots).deallocate()
            slots = larger
            capacity *= 2
        }
        (slots + count).initialize(to: Slot())
        count += 1
    }

    /// Appends a record's posting to term `id`'s list, its positions given in order.
    @inline(__always)
    func append(term id: Int, document: Int, packed: UInt32, positions: UnsafeBufferPointer<UInt32>) {
        let slot = slots + id
        // A record gap and the counts take five bytes each at most, a position gap five.
        Self.reserve(&slot.pointee.bytes, count: slot.pointee.byteCount, capacity: &slot.pointee.byteCapacity, adding: 10)
        var end = slot.pointee.bytes! + slot.pointee.byteCount
        end += PostingList.encodeVarint(UInt32(document - Int(slot.pointee.lastDocument)), into: end)
        end += PostingList.encodeVarint(packed, into: end)
        slot.pointee.byteCount = end - slot.pointee.bytes!
        Self.reserve(&slot.pointee.positions, count: slot.pointee.positionCount, capacity: &slot.pointee.positionCapacity,
                     adding: 5 * positions.count)
        end = slot.pointee.positions! + slot.pointee.positionCount
        var previous: UInt32 = 0
        for position in positions {
            end += PostingList.encodeVarint(position &- previous, into: end)
            previous = position
        }
        slot.pointee.positionCount = end - slot.pointee.positions!
        slot.pointee.lastDocument = Int32(document)
        slot.pointee.postingCount += 1
        slot.pointee.fields |= packed
    }

    /// The lists, each taking its buffers over; the tails are empty after.
    /// (A term is added for a word read, so every term has a posting, and
    /// every posting a position: both buffers exist.)
    func lists() -> [PostingList] {
        var lists: [PostingList] = []
        lists.reserveCapacity(count)
        for index in 0..<count {
            let slot = slots[index]
            lists.append(PostingList(bytes: GrowableBytes(adopting: slot.bytes!, count: slot.byteCount, capacity: slot.byteCapacity),
                                     positions: GrowableBytes(adopting: slot.positions!, count: slot.positionCount,
                                                              capacity: slot.positionCapacity),
                                     count: Int(slot.postingCount), lastDocument: Int(slot.lastDocument), fields: slot.fields))
        }
        count = 0
        return lists
    }

    @inline(__always)
    private static func reserve(_ pointer: inout UnsafeMutablePointer<UInt8>?, count: Int, capacity: inout Int, adding length: Int) {
        guard count + length > capacity else { return }
        capacity = max(16, capacity * 2, count + length)
        pointer = realloc(pointer, capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<Slot> {
        UnsafeMutableRawPointer.allocate(byteCount: capacity * slotBytes, alignment: slotBytes)
            .bindMemory(to: Slot.self, capacity: capacity)
    }
}
