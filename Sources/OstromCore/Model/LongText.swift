/// A record's abstract or body: its own string, or a text kept in a
/// `LongTextStore` with many others (compressed once the store is). A
/// value either way: two are equal when their texts are.
struct LongText: Hashable, Sendable {
    private enum Storage: Sendable {
        case own(String)
        case kept(LongTextStore, Int32)
    }

    private let storage: Storage

    init(_ text: String) {
        storage = .own(text)
    }

    init(keptIn store: LongTextStore, slot: Int32) {
        storage = .kept(store, slot)
    }

    var text: String {
        switch storage {
        case .own(let text): text
        case .kept(let store, let slot): store.text(at: Int(slot))
        }
    }

    /// The text's `TextHash`, without decompressing a text kept compressed.
    var contentHash: UInt64 {
        switch storage {
        case .own(let text): TextHash.of(text)
        case .kept(let store, let slot): store.hash(at: Int(slot))
        }
    }

    /// The store the text is kept in, if it is.
    var store: LongTextStore? {
        if case .kept(let store, _) = storage { return store }
        return nil
    }

    /// The string a text not yet kept in a store has.
    var ownText: String? {
        if case .own(let text) = storage { return text }
        return nil
    }

    static func == (left: Self, right: Self) -> Bool {
        if case .kept(let leftStore, let leftSlot) = left.storage, case .kept(let rightStore, let rightSlot) = right.storage,
           leftStore === rightStore, leftSlot == rightSlot {
            return true
        }
        return left.text == right.text
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }
}
