/// The index's terms grouped by their English stem, so that a query word
/// also finds its other forms (`volunteering` → volunteers, volunteer)
/// without a posting list of its own: only the vocabulary is stemmed.
struct StemGroups: Sendable {
    /// The distinct stems.
    let stems: TermTable
    /// Per stem, where its terms start in `members` (one more than stems).
    let starts: [Int32]
    /// Term ids, stem by stem.
    let members: [Int32]

    init(terms: TermTable) {
        let stemmer = Stemmer()
        var stems = TermTable(capacity: max(16, terms.count))
        var stemOfTerm = [Int32](repeating: -1, count: terms.count)
        for id in 0..<terms.count {
            guard let stem = stemmer.stem(terms.bytes(of: id)) else { continue }
            stemOfTerm[id] = Int32(stem.withUnsafeBufferPointer { stems.insert($0) })
        }
        var starts = [Int32](repeating: 0, count: stems.count + 1)
        for stem in stemOfTerm where stem >= 0 { starts[Int(stem) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var next = starts
        var members = [Int32](repeating: 0, count: Int(starts.last ?? 0))
        for (id, stem) in stemOfTerm.enumerated() where stem >= 0 {
            members[Int(next[Int(stem)])] = Int32(id)
            next[Int(stem)] += 1
        }
        self.init(stems: stems, starts: starts, members: members)
    }

    init(stems: TermTable, starts: [Int32], members: [Int32]) {
        self.stems = stems
        self.starts = starts
        self.members = members
    }

    /// Groups as an index file keeps them; nil when they disagree with
    /// themselves or with a vocabulary of `termCount` terms.
    init?(stems: TermTable, starts: [Int32], members: [Int32], termCount: Int) {
        guard starts.count == stems.count + 1, starts.first == 0, Int(starts.last ?? -1) == members.count,
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
              members.allSatisfy({ $0 >= 0 && Int($0) < termCount }) else { return nil }
        self.init(stems: stems, starts: starts, members: members)
    }

    /// The terms sharing a word's stem (the word itself among them when
    /// it is in the vocabulary).
    func terms(sharingStemWith word: [UInt8], stemmer: Stemmer) -> ArraySlice<Int32> {
        guard let stem = stemmer.stem(word), let id = stems.id(of: stem) else { return [] }
        return members[Int(starts[id])..<Int(starts[id + 1])]
    }
}
