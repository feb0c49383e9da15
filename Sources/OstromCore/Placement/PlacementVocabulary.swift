/// The lexicon's words and prefixes (`word*`) as numbers, in a trie over
/// their bytes: a text's word is looked up once, by walking its bytes as
/// they are read, and is then matched by comparing numbers.
///
/// Where a word's walk ends says all the lexicon knows of it, its
/// **ending**: the node it ended on (its number, when it is a lexicon
/// word, and the prefixes on the way), or the last node it reached
/// before leaving the trie (the prefixes alone). What hangs on the word
/// (its words and prefixes, the terms it can start, its filters) is
/// worked out once per ending, when the engine is built, not per word read.
struct PlacementVocabulary: Sendable {
    /// A trie node's child per byte class; 0 is "none" (the root is no
    /// child): the trie as it is built, and looked in for the lexicon's
    /// own words. Words read are walked through `Walk`'s double array.
    private var children: [UInt16]
    /// Each byte's class: 0 for a byte no lexicon word has.
    private var byteClass = [UInt8](repeating: 0, count: 256)
    /// The trie and the endings as the tokenizer reads them, without
    /// checks (made when the trie is whole).
    private var walk: Walk
    private var classCount = 1
    private var parentOfNode: [Int] = [0]
    private var wordOfNode: [Int32] = [-1]
    private var prefixOfNode: [Int32] = [-1]
    private(set) var wordCount: Int32 = 0
    private(set) var prefixLengths: [Int] = []

    var prefixCount: Int32 { Int32(prefixLengths.count) }

    /// The words and the prefixes numbered in one series: the words
    /// first, then the prefixes (`item(ofWord:)`, `item(ofPrefix:)`).
    var itemCount: Int { Int(wordCount) + prefixLengths.count }

    @inline(__always)
    func item(ofWord word: Int32) -> Int32 { word }

    @inline(__always)
    func item(ofPrefix prefix: Int32) -> Int32 { wordCount + prefix }

    /// Endings are numbered `0..<endingCount`, one per list of words and
    /// prefixes a walk can end with: walks that end with the same list
    /// (leaving the trie after any of the nodes on no prefix's way, say)
    /// are the same to everything after, and share their ending, so that
    /// what hangs on endings is a few kilobytes.
    private(set) var endingCount = 0

    /// A vocabulary for these words and prefixes: every byte they use
    /// gets a class first, so that nodes are as wide as the alphabet.
    init(words: [String], prefixes: [String]) {
        walk = Walk(children: [0], classCount: 1, byteClass: byteClass, endings: ([0, 0], [0, 0], []))
        for byte in (words + prefixes).flatMap(\.utf8) where byteClass[Int(byte)] == 0 {
            byteClass[Int(byte)] = UInt8(classCount)
            classCount += 1
        }
        children = [UInt16](repeating: 0, count: classCount)
        for word in words {
            let node = insert(word)
            if wordOfNode[node] < 0 {
                wordOfNode[node] = wordCount
                wordCount += 1
            }
        }
        for prefix in prefixes {
            let node = insert(prefix)
            if prefixOfNode[node] < 0 {
                prefixOfNode[node] = Int32(prefixLengths.count)
                prefixLengths.append(prefix.utf8.count)
            }
        }
        let endings = endingItems()
        endingCount = endings.starts.count - 1
        walk = Walk(children: children, classCount: classCount, byteClass: byteClass, endings: endings)
    }

    /// The words and prefixes (`item(ofWord:)`, `item(ofPrefix:)`) a word
    /// with each ending is: its own number first, when it has one, then
    /// the prefixes on its way from the root; all in one array, ending
    /// `e`'s from `starts[e]` to `starts[e + 1]`. A walk that ends at node
    /// `n` has ending `walks[n]`; one that leaves the trie after node `n`,
    /// `walks[nodeCount + n]`.
    private func endingItems() -> Endings {
        let nodeCount = wordOfNode.count
        // The prefixes on each node's way, its parent's and its own (a
        // parent is numbered before its children).
        var pathStarts = [Int32](repeating: 0, count: nodeCount + 1)
        var paths: [Int32] = []
        for node in 0..<nodeCount {
            pathStarts[node] = Int32(paths.count)
            if node > 0 {
                let parent = parentOfNode[node]
                paths.append(contentsOf: paths[Int(pathStarts[parent])..<Int(pathStarts[parent + 1])])
            }
            if prefixOfNode[node] >= 0 { paths.append(item(ofPrefix: prefixOfNode[node])) }
            pathStarts[node + 1] = Int32(paths.count)
        }
        var endings: Endings = ([], [0], [])
        var numbers: [[Int32]: Int32] = [:]
        for walk in 0..<2 * nodeCount {
            let node = walk < nodeCount ? walk : walk - nodeCount
            var list: [Int32] = walk < nodeCount && wordOfNode[node] >= 0 ? [item(ofWord: wordOfNode[node])] : []
            list += paths[Int(pathStarts[node])..<Int(pathStarts[node + 1])]
            if let number = numbers[list] {
                endings.walks.append(number)
                continue
            }
            let number = Int32(endings.starts.count - 1)
            numbers[list] = number
            endings.walks.append(number)
            endings.items += list
            endings.starts.append(Int32(endings.items.count))
        }
        return endings
    }

    /// Each walk's ending, and each ending's items (`endingItems`).
    fileprivate typealias Endings = (walks: [Int32], starts: [Int32], items: [Int32])

    /// The trie for the tokenizer's walk and each ending's words and
    /// prefixes, in memory of its own, and each ASCII letter and digit's
    /// class. Written once, in `init`, and only read after: safe to share.
    ///
    /// The trie is a double array (Aoe's): each node has a slot, and its
    /// child by class `c` is at slot `base + c` when that slot's parent is
    /// the node. A slot holds, in one number, its parent's slot (bits 0–15;
    /// none for a free slot), its own children's base (16–31), the ending
    /// of a walk that ends there (32–47) and that of one that leaves the
    /// trie after it (48–63): a step is one load from a table of about
    /// twelve kilobytes, which stays in the first-level cache (a row of every
    /// class for each node took 92 kilobytes, and most steps waited for
    /// the next level), and the word's ending is in the last slot loaded.
    fileprivate final class Walk: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<UInt64>
        let letterClass: UnsafeMutableBufferPointer<UInt8>
        /// Ending `e`'s items are `items[itemStarts[e]..<itemStarts[e + 1]]`.
        let itemStarts: UnsafeMutableBufferPointer<Int32>
        let items: UnsafeMutableBufferPointer<Int32>

        /// A slot's parent when no node is there.
        static let free: UInt32 = 0xFFFF

        init(children: [UInt16], classCount: Int, byteClass: [UInt8], endings: Endings) {
            let (trie, nodeOfSlot) = Self.doubleArray(children: children, classCount: classCount)
            let nodeCount = children.count / classCount
            precondition(endings.starts.count - 1 <= 0x1_0000, "the placement lexicon has too many words")
            slots = .allocate(capacity: trie.count)
            for (slot, entry) in trie.enumerated() {
                let node = Int(nodeOfSlot[slot])
                let isNode = slot == 0 || entry & 0xFFFF != Self.free
                let (ending, leaving) = isNode ? (UInt64(endings.walks[node]), UInt64(endings.walks[nodeCount + node])) : (0, 0)
                slots[slot] = UInt64(entry) | ending << 32 | leaving << 48
            }
            letterClass = .allocate(capacity: 256)
            for byte in 0..<256 {
                let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                // Class `classCount`, one past the lexicon's, is every other ASCII letter and digit.
                letterClass[byte] = !ByteScan.isASCIILetterOrDigit(UInt8(byte)) ? 0 : byteClass[folded] == 0 ? UInt8(classCount) : byteClass[folded]
            }
            items = .allocate(capacity: max(endings.items.count, 1))
            _ = items.initialize(from: endings.items)
            itemStarts = .allocate(capacity: endings.starts.count)
            _ = itemStarts.initialize(from: endings.starts)
        }

        /// The trie (`children`, a row of `classCount` per node) as a
        /// double array, the root at slot 0, each node's children given
        /// the first base where all their slots are free; every class up to
        /// `classCount` can be looked up from any base.
        private static func doubleArray(children: [UInt16], classCount: Int) -> (slots: [UInt32], nodeOfSlot: [UInt16]) {
            let nodeCount = children.count / classCount
            var slots = [UInt32](repeating: free, count: classCount + 1)
            var nodeOfSlot = [UInt16](repeating: 0, count: classCount + 1)
            var slotOfNode = [Int](repeating: 0, count: nodeCount)
            var queue = [0]
            var next = 0
            // Every slot before this one is taken: a base is looked for from
            // where the first letter would land on it.
            var firstFree = 1
            while next < queue.count {
                let node = queue[next]
                next += 1
                let letters = (1..<classCount).filter { children[node * classCount + $0] != 0 }
                while firstFree < slots.count && slots[firstFree] & 0xFFFF != free { firstFree += 1 }
                // (A node without children has no slots to find: any base will do.)
                var base = letters.first.map { max(0, firstFree - $0) } ?? 0
                while letters.contains(where: { base + $0 < slots.count && slots[base + $0] & 0xFFFF != free }) { base += 1 }
                precondition(base + classCount < Int(free), "the placement lexicon has too many words")
                if slots.count <= base + classCount {
                    slots += repeatElement(free, count: base + classCount + 1 - slots.count)
                    nodeOfSlot += repeatElement(0, count: base + classCount + 1 - nodeOfSlot.count)
                }
                let slot = slotOfNode[node]
                slots[slot] = slots[slot] & 0xFFFF | UInt32(base) << 16
                for letter in letters {
                    let child = Int(children[node * classCount + letter])
                    slots[base + letter] = UInt32(slot)
                    nodeOfSlot[base + letter] = UInt16(child)
                    slotOfNode[child] = base + letter
                    queue.append(child)
                }
            }
            return (slots, nodeOfSlot)
        }

        deinit {
            slots.deallocate()
            letterClass.deallocate()
            itemStarts.deallocate()
            items.deallocate()
        }
    }

    /// The trie as a sentence's words are walked through it: read from
    /// the vocabulary once, not at every letter. A walk is at a slot
    /// (`Walk`), whose entry gives its children's base and the walk's
    /// ending there; it starts at the root, slot 0.
    struct Steps {
        private let slots: UnsafeMutablePointer<UInt64>
        private let letterClass: UnsafeMutablePointer<UInt8>

        fileprivate init(_ walk: Walk) {
            slots = walk.slots.baseAddress!
            letterClass = walk.letterClass.baseAddress!
        }

        /// An ASCII byte's class: 0 for a byte that is no letter or digit,
        /// one past the lexicon's classes for a letter or digit no lexicon
        /// word has.
        @inline(__always)
        func letterClass(_ byte: UInt8) -> UInt8 { letterClass[Int(byte)] }

        /// The root's entry.
        var root: UInt64 { slots[0] }

        /// One step of a walk at `slot` (its entry `entry`) by a letter's
        /// class: false, and both left as they are, when it leaves the
        /// trie. A node's child by a class is at its children's base plus
        /// the class, when that slot's parent is the node. (No node has a
        /// child by class 0, which is no letter: a step by it always
        /// leaves the trie.)
        @inline(__always)
        func step(_ slot: inout Int, _ entry: inout UInt64, by letter: UInt8) -> Bool {
            let child = Int(truncatingIfNeeded: entry &>> 16 & 0xFFFF) &+ Int(letter)
            let next = slots[child]
            guard Int(truncatingIfNeeded: next & 0xFFFF) == slot else { return false }
            (slot, entry) = (child, next)
            return true
        }

        /// The ending of a walk that ends at the entry's node, or leaves the trie after it.
        @inline(__always)
        static func ending(of entry: UInt64, leaving: Bool) -> Int32 {
            Int32(truncatingIfNeeded: entry &>> (leaving ? 48 : 32) & 0xFFFF)
        }
    }

    var steps: Steps { Steps(walk) }

    /// The word a walk with this ending read (`-1` for one the lexicon
    /// does not have): the first of its items, when it is a word.
    @inline(__always)
    func word(ofEnding ending: Int32) -> Int32 {
        let start = Int(walk.itemStarts[Int(ending)])
        guard start < Int(walk.itemStarts[Int(ending) + 1]) else { return -1 }
        let first = walk.items[start]
        return first < wordCount ? first : -1
    }

    /// The words and prefixes a word with this ending is, as
    /// `item(ofWord:)` and `item(ofPrefix:)` number them: `item(at:)` of each.
    @inline(__always)
    func items(ofEnding ending: Int32) -> Range<Int> {
        Int(walk.itemStarts[Int(ending)])..<Int(walk.itemStarts[Int(ending) + 1])
    }

    @inline(__always)
    func item(at index: Int) -> Int32 {
        walk.items[index]
    }

    /// Whether a word with this ending starts with the prefix.
    @inline(__always)
    func hasPrefix(_ ending: Int32, _ prefix: Int32) -> Bool {
        let wanted = item(ofPrefix: prefix)
        for index in items(ofEnding: ending) where walk.items[index] == wanted { return true }
        return false
    }

    /// The numbers in a set of endings, a bit each (`EndingSets`).
    var endingSetWords: Int { (endingCount + 63) >> 6 }

    /// Sets of endings, a bit each: those whose words and prefixes include
    /// one of some items, made from each item's set, worked out once.
    struct EndingSets {
        fileprivate let ofItem: [[UInt64]]
        fileprivate let words: Int

        /// The endings whose words and prefixes include one of `items`.
        func set(withAny items: [Int32]) -> [UInt64] {
            var set = [UInt64](repeating: 0, count: words)
            for item in items {
                for index in 0..<words { set[index] |= ofItem[Int(item)][index] }
            }
            return set
        }
    }

    var endingSets: EndingSets {
        var ofItem = [[UInt64]](repeating: [UInt64](repeating: 0, count: endingSetWords), count: itemCount)
        for ending in 0..<endingCount {
            for index in items(ofEnding: Int32(ending)) { ofItem[Int(item(at: index))][ending >> 6] |= 1 << UInt64(ending & 63) }
        }
        return EndingSets(ofItem: ofItem, words: endingSetWords)
    }

    /// A word's number (`-1` for one the lexicon does not have).
    func number(ofWord word: String) -> Int32 {
        walk(word.utf8).map { wordOfNode[$0] } ?? -1
    }

    /// A prefix's number (`-1` for one the lexicon does not have).
    func number(ofPrefix prefix: String) -> Int32 {
        walk(prefix.utf8).map { prefixOfNode[$0] } ?? -1
    }

    /// The ending of a word looked up at once, walked as the reader walks.
    func lookUp(_ word: some Sequence<UInt8>) -> Int32 {
        let steps = self.steps
        var (slot, entry) = (0, steps.root)
        for byte in word {
            // Any byte of a folded word: its class, or one the lexicon has no word with.
            let kind = byteClass[Int(byte)]
            guard steps.step(&slot, &entry, by: kind == 0 ? UInt8(classCount) : kind) else { return Steps.ending(of: entry, leaving: true) }
        }
        return Steps.ending(of: entry, leaving: false)
    }

    private func walk(_ bytes: some Sequence<UInt8>) -> Int? {
        var node = 0
        for byte in bytes {
            let kind = Int(byteClass[Int(byte)])
            guard kind != 0, children[node * classCount + kind] != 0 else { return nil }
            node = Int(children[node * classCount + kind])
        }
        return node
    }

    private mutating func insert(_ text: String) -> Int {
        var node = 0
        for byte in text.utf8 {
            let slot = node * classCount + Int(byteClass[Int(byte)])
            if children[slot] != 0 {
                node = Int(children[slot])
                continue
            }
            let child = wordOfNode.count
            // A node's number fits a `UInt16` (`Walk.children`), and so
            // does an ending's, twice as many, in an `Int32`.
            precondition(child < Int(UInt16.max), "the placement lexicon has too many words")
            children[slot] = UInt16(child)
            children += repeatElement(0, count: classCount)
            parentOfNode.append(node)
            wordOfNode.append(-1)
            prefixOfNode.append(-1)
            node = child
        }
        return node
    }
}
