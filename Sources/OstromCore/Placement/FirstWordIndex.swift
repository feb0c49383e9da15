/// Patterns filed under the words that can start them, so that a word is
/// checked only against the patterns whose first word pattern it fits:
/// those any word can start, those filed under the word, and those filed
/// under each of the lexicon's prefixes it starts with. Lists are read
/// by index (`entries(...)`, `self[i]`) so that no closure is called per word.
struct FirstWordIndex<Entry: Sendable>: Sendable {

    /// The patterns any word starts, then by word number, then by prefix
    /// number: list `i` is `entries[bounds[i]..<bounds[i + 1]]`.
    private var entries: [Entry] = []
    private var bounds: [Int32] = [0]
    private let wordCount: Int

    /// An index of what `build` files, each under a route, in order.
    init(vocabulary: PlacementVocabulary, build: (_ file: (Entry, FirstWordRoute) -> Void) -> Void) {
        wordCount = Int(vocabulary.wordCount)
        var lists = [[Entry]](repeating: [], count: 1 + wordCount + Int(vocabulary.prefixCount))
        build { entry, route in
            switch route {
            case .anyWord: lists[0].append(entry)
            case .word(let word): lists[1 + Int(word)].append(entry)
            case .prefix(let prefix): lists[1 + wordCount + Int(prefix)].append(entry)
            }
        }
        for list in lists {
            entries += list
            bounds.append(Int32(entries.count))
        }
    }

    @inline(__always)
    var anyWordEntries: Range<Int> { Int(bounds[0])..<Int(bounds[1]) }

    @inline(__always)
    func entries(ofWord word: Int32) -> Range<Int> { entries(in: 1 + Int(word)) }

    @inline(__always)
    func entries(ofPrefix prefix: Int32) -> Range<Int> { entries(in: 1 + wordCount + Int(prefix)) }

    @inline(__always)
    subscript(index: Int) -> Entry { entries[index] }

    @inline(__always)
    private func entries(in list: Int) -> Range<Int> { Int(bounds[list])..<Int(bounds[list + 1]) }
}

/// Where a pattern is filed in a `FirstWordIndex`: under any word, or
/// under a word or a prefix its first word pattern takes.
enum FirstWordRoute {
    case anyWord
    case word(Int32)
    case prefix(Int32)
}
