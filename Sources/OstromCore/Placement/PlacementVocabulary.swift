/// The lexicon's words and prefixes (`word*`) as numbers, in a trie over
/// their bytes: a text's word is looked up once, by walking its bytes as
/// they are read, and is then matched by comparing numbers. The walk also
/// yields every prefix the word starts with.
struct PlacementVocabulary: Sendable {
    /// A trie node's child per byte class; 0 is "none" (the root is no child).
    private var children: [UInt16]
    /// Each byte's class: 0 for a byte no lexicon word has.
    private var byteClass = [UInt8](repeating: 0, count: 256)
    /// The trie as the tokenizer walks it, for reading without checks
    /// (made when the trie is whole).
    private var walk: Walk
    private var classCount = 1
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

    /// A vocabulary for these words and prefixes: every byte they use
    /// gets a class first, so that nodes are as wide as the alphabet.
    init(words: [String], prefixes: [String]) {
        walk = Walk(children: [0], byteClass: byteClass, prefixOfNode: [-1])
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
        walk = Walk(children: children, byteClass: byteClass, prefixOfNode: prefixOfNode)
    }

    /// The trie for the tokenizer's walk, in memory of its own: each
    /// child with a bit saying whether a prefix ends there, and each ASCII
    /// letter and digit's class (`outside` when no lexicon word has it).
    /// Written once, in `init`, and only read after: safe to share.
    private final class Walk: @unchecked Sendable {
        let children: UnsafeMutableBufferPointer<UInt16>
        let letterClass: UnsafeMutableBufferPointer<UInt8>
        let prefixOfNode: UnsafeMutableBufferPointer<Int32>

        init(children: [UInt16], byteClass: [UInt8], prefixOfNode: [Int32]) {
            self.children = .allocate(capacity: children.count)
            _ = self.children.initialize(from: children.map { $0 == 0 ? 0 : $0 << 1 | (prefixOfNode[Int($0)] >= 0 ? 1 : 0) })
            letterClass = .allocate(capacity: 256)
            for byte in 0..<256 {
                let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                let isLetter = (folded >= 0x61 && folded <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                letterClass[byte] = !isLetter ? 0 : byteClass[folded] == 0 ? PlacementVocabulary.outside : byteClass[folded]
            }
            self.prefixOfNode = .allocate(capacity: prefixOfNode.count)
            _ = self.prefixOfNode.initialize(from: prefixOfNode)
        }

        deinit {
            children.deallocate()
            letterClass.deallocate()
            prefixOfNode.deallocate()
        }
    }

    /// The class of an ASCII letter or digit no lexicon word has.
    static let outside: UInt8 = 0xFF

    /// An ASCII byte's class for `step(_:letter:prefixes:)`: 0 for a byte
    /// that is not a letter or digit.
    @inline(__always)
    func letterClass(_ byte: UInt8) -> UInt8 {
        walk.letterClass[Int(byte)]
    }

    /// One byte further, by its class (`outside` for one no lexicon word
    /// has; from node -1, the walk has left the trie and stays out),
    /// appending the prefix that ends there.
    @inline(__always)
    func step(_ node: Int, letter: UInt8, prefixes: inout ScratchBuffer<Int32>) -> Int {
        guard node >= 0, letter != Self.outside else { return -1 }
        let entry = walk.children[node &* classCount &+ Int(letter)]
        guard entry != 0 else { return -1 }
        let child = Int(entry >> 1)
        if entry & 1 != 0 { prefixes.append(walk.prefixOfNode[child]) }
        return child
    }

    /// A word's number (`-1` for one the lexicon does not have).
    func number(ofWord word: String) -> Int32 {
        walk(word.utf8).map { wordOfNode[$0] } ?? -1
    }

    /// A prefix's number (`-1` for one the lexicon does not have).
    func number(ofPrefix prefix: String) -> Int32 {
        walk(prefix.utf8).map { prefixOfNode[$0] } ?? -1
    }

    /// A word looked up at once: its number, and the prefixes it starts
    /// with appended to `prefixes`.
    func lookUp(_ word: some Sequence<UInt8>, prefixes: inout ScratchBuffer<Int32>) -> Int32 {
        var node = 0
        startWord(prefixes: &prefixes)
        for byte in word {
            // Any byte of a folded word: its class, or none the lexicon has.
            let kind = byteClass[Int(byte)]
            node = step(node, letter: kind == 0 ? Self.outside : kind, prefixes: &prefixes)
        }
        return number(at: node)
    }

    /// The walk's start: the empty prefix, when the lexicon has one.
    @inline(__always)
    func startWord(prefixes: inout ScratchBuffer<Int32>) {
        if prefixOfNode[0] >= 0 { prefixes.append(prefixOfNode[0]) }
    }

    /// The number of the word the walk ended on.
    @inline(__always)
    func number(at node: Int) -> Int32 {
        node < 0 ? -1 : wordOfNode[node]
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
            // A node's number and a bit fit a `UInt16` (`Walk.children`).
            precondition(child <= Int(UInt16.max >> 1), "the placement lexicon has too many words")
            children[slot] = UInt16(child)
            children += repeatElement(0, count: classCount)
            wordOfNode.append(-1)
            prefixOfNode.append(-1)
            node = child
        }
        return node
    }
}
