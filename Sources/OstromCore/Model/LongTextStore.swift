import Dispatch
import Synchronization

/// The abstracts and bodies of a run of records in one block of bytes,
/// compressed once nothing needs them all at once: abstracts are four
/// fifths of a library's text, and once the search index is built from
/// them they are read one at a time (the detail pane, a hit's snippet) or
/// in order (the ladder's placing, an export). Compressed in blocks of
/// about 16 KB with Zstandard, level 1: 2.6× on real English prose, 3.1×
/// on the generated libraries. A text is read by decompressing its block;
/// each thread keeps the last block it read, so that reading the texts in
/// order decompresses each block once.
///
/// The texts are moved here as their records are made, a run at a time:
/// a string freed then leaves a hole the next run's strings fill, where
/// strings freed long after would leave holes among the records' other
/// strings that no page could be given back from.
///
/// Thread-safe: records holding texts of one store are read on any
/// thread while it is compressed on another.
public final class LongTextStore: Sendable {
    /// Texts shorter than this stay in their records: there is little to gain.
    static let minimumLength = 64
    /// Texts are compressed in blocks of at most this many bytes (a longer
    /// text is a block of its own).
    static let blockSize = 16 << 10
    /// Records per store: a store is compressed at once, and stores apart
    /// have locks of their own.
    public static let recordsPerStore = 2048

    private let state = Mutex(State())
    /// Tells this store's blocks from others' in a thread's last block.
    private let id = LongTextStore.lastID.wrappingAdd(1, ordering: .relaxed).newValue
    private static let lastID = Atomic<UInt64>(0)

    private struct State {
        /// The texts one after another, until they are compressed.
        var bytes: [UInt8] = []
        var locations: [TextLocation] = []
        var compressed: CompressedTexts?
        /// Each text's `TextHash`, made as the texts are compressed (from
        /// their bytes, until then).
        var hashes: [UInt64] = []
    }

    private init() {}

    /// Moves the long abstracts and bodies of `records` (made one after
    /// another) into stores of `recordsPerStore` records each. Texts
    /// already kept in a store stay where they are.
    public static func keep(_ records: UnsafeMutableBufferPointer<Record>) {
        for start in stride(from: 0, to: records.count, by: recordsPerStore) {
            let store = LongTextStore()
            var bytes: [UInt8] = []
            var locations: [TextLocation] = []
            /// The text kept here, or nil when it stays where it is.
            func kept(_ text: LongText?) -> LongText? {
                // A store's offsets are 32-bit: a text past 2 GiB of them stays in its record.
                guard let own = text?.ownText, own.utf8.count >= minimumLength,
                      bytes.count + own.utf8.count <= Int(Int32.max) else { return nil }
                locations.append(TextLocation(block: 0, start: Int32(bytes.count), length: Int32(own.utf8.count)))
                bytes.append(contentsOf: own.utf8)
                return LongText(keptIn: store, slot: Int32(locations.count - 1))
            }
            for index in start..<min(records.count, start + recordsPerStore) {
                if let text = kept(records[index].abstractText) { records[index].abstractText = text }
                if let text = kept(records[index].bodyText) { records[index].bodyText = text }
            }
            guard !locations.isEmpty else { continue }
            // As large as the texts: the array grew by doubling.
            let exact = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                _ = buffer.initialize(from: bytes)
                count = bytes.count
            }
            store.state.withLock { state in
                state.bytes = exact
                state.locations = locations
            }
        }
    }

    public static func keep(_ records: inout [Record]) {
        records.withUnsafeMutableBufferPointer { keep($0) }
    }

    /// The stores the records' texts are kept in, each once.
    public static func stores(of records: [Record]) -> [LongTextStore] {
        var stores: [LongTextStore] = []
        var seen = Set<ObjectIdentifier>()
        func add(_ text: LongText?) {
            guard let store = text?.store, store !== stores.last, seen.insert(ObjectIdentifier(store)).inserted else { return }
            stores.append(store)
        }
        for index in records.indices {
            add(records[index].abstractText)
            add(records[index].bodyText)
        }
        return stores
    }

    /// Compresses the texts of every store the records keep theirs in, on
    /// all cores.
    public static func compress(textsOf records: [Record]) {
        compress(stores(of: records))
    }

    public static func compress(_ stores: [LongTextStore]) {
        DispatchQueue.concurrentPerform(iterations: stores.count) { stores[$0].compress() }
    }

    /// Compresses the texts (once; they are read meanwhile as they were).
    /// Nothing changes when Zstandard fails.
    public func compress() {
        guard let (bytes, locations) = state.withLock({ $0.compressed == nil ? ($0.bytes, $0.locations) : nil }),
              let compressed = CompressedTexts(bytes, locations: locations, blockSize: Self.blockSize) else { return }
        let hashes = bytes.withUnsafeBufferPointer { bytes in locations.map { TextHash.of(Self.bytes(bytes, $0)) } }
        state.withLock { state in
            state.compressed = compressed
            state.hashes = hashes
            state.bytes = []
            state.locations = []
        }
    }

    /// The `TextHash` of a text, without decompressing it.
    func hash(at slot: Int) -> UInt64 {
        state.withLock { state in
            if state.compressed != nil { return state.hashes[slot] }
            return state.bytes.withUnsafeBufferPointer { TextHash.of(Self.bytes($0, state.locations[slot])) }
        }
    }

    private static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, _ location: TextLocation) -> UnsafeBufferPointer<UInt8> {
        let start = Int(location.start)
        return UnsafeBufferPointer(rebasing: bytes[start..<start + Int(location.length)])
    }

    /// The bytes of the texts and, once compressed, what they take so.
    public var sizes: (text: Int, compressed: Int?) {
        state.withLock { state in
            guard let compressed = state.compressed else { return (state.bytes.count, nil) }
            return (compressed.textBytes, compressed.storedBytes)
        }
    }

    func text(at slot: Int) -> String {
        // Decompressed out of the lock: the blocks never change once made.
        let compressed: CompressedTexts? = state.withLock { $0.compressed }
        if let compressed { return compressed.text(at: slot, owner: id) }
        return state.withLock { state in
            if let compressed = state.compressed { return compressed.text(at: slot, owner: id) }
            return Self.string(state.bytes, state.locations[slot])
        }
    }

    private static func string(_ bytes: [UInt8], _ location: TextLocation) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: Self.bytes($0, location), as: UTF8.self) }
    }
}

/// Where a text is: its block, and its bytes in the block (decompressed).
struct TextLocation: Sendable {
    var block: Int32
    var start: Int32
    var length: Int32
}
