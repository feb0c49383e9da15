/// The lexicon's words and prefixes (`word*`) as numbers, in a trie over
/// their bytes: a text's word is looked up once, by walking its bytes,
/// and is then matched by comparing numbers. The walk also yields every
/// prefix the word starts with, and the nodes of its first three bytes,
/// under which the lexicon's terms are found (`CandidateIndex`).
struct PlacementVocabulary: Sendable {
    /// A trie node's child per byte class; 0 is "none" (the root is no child).
    private var children: [UInt16]
    /// Each byte's class: 0 for a byte no lexicon word has.
    private var byteClass = [UInt8](repeating: 0, count: 256)
    private var classCount = 1
    private var wordOfNode: [Int32] = [-1]
    private var prefixOfNode: [Int32] = [-1]
    private(set) var wordCount: Int32 = 0
    private(set) var prefixCount: Int32 = 0
    private var keyNodeOfPrefix: [Int] = []

    /// The depth of the nodes terms are filed under.
    static let keyLength = 3

    /// A vocabulary for these words and prefixes: every byte they use
    /// gets a class first, so that nodes are as wide as the alphabet.
    init(words: [String], prefixes: [String]) {
        for byte in (words + prefixes).flatMap(\.utf8) where byteClass[Int(byte)] == 0 {
            byteClass[Int(byte)] = UInt8(classCount)
            classCount += 1
        }
        children = [UInt16](repeating: 0, count: classCount)
        for word in words { _ = self.word(word) }
        for prefix in prefixes { _ = self.prefix(prefix) }
    }

    /// A word's number (`-1` for one the lexicon does not have).
    func number(ofWord word: String) -> Int32 {
        var node = 0
        for byte in word.utf8 {
            guard let child = child(of: node, byte) else { return -1 }
            node = child
        }
        return wordOfNode[node]
    }

    /// A prefix's number; the prefix must be one of the vocabulary's.
    func number(ofPrefix prefix: String) -> Int32 {
        prefixOfNode[node(prefix.utf8)]
    }

    /// The node a prefix files its terms under: the node of its first
    /// `keyLength` bytes (of all of it when shorter).
    func keyNode(ofPrefix prefix: Int32) -> Int {
        keyNodeOfPrefix[Int(prefix)]
    }

    var nodeCount: Int { wordOfNode.count }

    /// A text's word looked up: its number, the prefixes it starts with
    /// (appended to `prefixes`) and the nodes of its first one to three
    /// bytes (0 past where the trie ends).
    func lookUp(_ word: UnsafeBufferPointer<UInt8>, prefixes: inout [Int32]) -> (word: Int32, keys: (Int, Int, Int)) {
        var node = 0
        var keys = (0, 0, 0)
        if prefixOfNode[0] >= 0 { prefixes.append(prefixOfNode[0]) }
        for (depth, byte) in word.enumerated() {
            guard let child = child(of: node, byte) else { return (-1, keys) }
            node = child
            if prefixOfNode[node] >= 0 { prefixes.append(prefixOfNode[node]) }
            switch depth {
            case 0: keys.0 = node
            case 1: keys.1 = node
            case 2: keys.2 = node
            default: break
            }
        }
        return (wordOfNode[node], keys)
    }

    @inline(__always)
    private func child(of node: Int, _ byte: UInt8) -> Int? {
        let kind = Int(byteClass[Int(byte)])
        guard kind != 0 else { return nil }
        let child = Int(children[node * classCount + kind])
        return child == 0 ? nil : child
    }

    private mutating func word(_ word: String) -> Int32 {
        let node = insert(word)
        if wordOfNode[node] < 0 {
            wordOfNode[node] = wordCount
            wordCount += 1
        }
        return wordOfNode[node]
    }

    private mutating func prefix(_ prefix: String) -> Int32 {
        let node = insert(prefix)
        if prefixOfNode[node] < 0 {
            prefixOfNode[node] = prefixCount
            prefixCount += 1
            keyNodeOfPrefix.append(self.node(prefix.utf8.prefix(Self.keyLength)))
        }
        return prefixOfNode[node]
    }

    /// The node of a text in the vocabulary (the root when it is not).
    private func node(_ bytes: some Sequence<UInt8>) -> Int {
        var node = 0
        for byte in bytes {
            guard let child = child(of: node, byte) else { return 0 }
            node = child
        }
        return node
    }

    private mutating func insert(_ text: String) -> Int {
        var node = 0
        for byte in text.utf8 {
            if let child = child(of: node, byte) {
                node = child
                continue
            }
            let child = wordOfNode.count
            precondition(child <= Int(UInt16.max), "the placement lexicon has too many words")
            children[node * classCount + Int(byteClass[Int(byte)])] = UInt16(child)
            children += repeatElement(0, count: classCount)
            wordOfNode.append(-1)
            prefixOfNode.append(-1)
            node = child
        }
        return node
    }
}
