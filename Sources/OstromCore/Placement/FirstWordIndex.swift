/// Patterns filed under the words that can start them, so that a word is
/// checked only against the patterns whose first word pattern it fits:
/// those any word can start, those filed under the word, and those filed
/// under each of the lexicon's prefixes it starts with. These are put
/// together once for each ending a word's walk can have
/// (`PlacementVocabulary`), so that a word read finds them all in one
/// list. Lists are read by index (`entries(ofEnding:)`, `self[i]`) so that
/// no closure is called per word.
struct FirstWordIndex<Entry: Sendable>: Sendable {
    /// Ending `e`'s list is `entries[bounds[2 * e]..<bounds[2 * e + 1]]`;
    /// endings whose words and prefixes have the same lists share theirs.
    private var entries: [Entry] = []
    private var bounds: [Int32] = []

    /// An index of what `build` files, each under a route; each list
    /// made a whole number of `groups.size` long with `groups.filler`, when
    /// given (so that a list can be read a group at a time).
    init(vocabulary: PlacementVocabulary, groups: (size: Int, filler: Entry)? = nil, build: (_ file: (Entry, FirstWordRoute) -> Void) -> Void) {
        func padded(_ list: [Entry]) -> [Entry] {
            guard let (size, filler) = groups else { return list }
            return list + repeatElement(filler, count: (size - list.count % size) % size)
        }
        // By route first: any word, then each item (`PlacementVocabulary.item`).
        var byItem = [[Entry]](repeating: [], count: 1 + vocabulary.itemCount)
        build { entry, route in
            switch route {
            case .anyWord: byItem[0].append(entry)
            case .word(let word): byItem[1 + Int(vocabulary.item(ofWord: word))].append(entry)
            case .prefix(let prefix): byItem[1 + Int(vocabulary.item(ofPrefix: prefix))].append(entry)
            }
        }
        entries = padded(byItem[0])
        let anyWord: Range<Int32> = 0..<Int32(entries.count)
        var made: [[Int32]: Range<Int32>] = [:]
        bounds.reserveCapacity(2 * vocabulary.endingCount)
        for ending in 0..<Int32(vocabulary.endingCount) {
            let items = vocabulary.items(ofEnding: ending)
            var list = anyWord
            // Most endings have no word or prefix anything is filed under.
            if items.contains(where: { !byItem[1 + Int(vocabulary.item(at: $0))].isEmpty }) {
                let routes = items.map { 1 + vocabulary.item(at: $0) }.filter { !byItem[Int($0)].isEmpty }
                if let range = made[routes] {
                    list = range
                } else {
                    let start = Int32(entries.count)
                    entries += padded(byItem[0] + routes.flatMap { byItem[Int($0)] })
                    list = start..<Int32(entries.count)
                    made[routes] = list
                }
            }
            bounds.append(list.lowerBound)
            bounds.append(list.upperBound)
        }
    }

    /// An index of nothing, with no endings.
    static var empty: FirstWordIndex { FirstWordIndex() }

    private init() {}

    /// Everything a word with this ending can start.
    @inline(__always)
    func entries(ofEnding ending: Int32) -> Range<Int> {
        Int(bounds[2 * Int(ending)])..<Int(bounds[2 * Int(ending) + 1])
    }

    @inline(__always)
    subscript(index: Int) -> Entry { entries[index] }

    /// Every list's entries, one after another.
    var all: [Entry] { entries }

    /// The same lists, each entry made another.
    func map<Other>(_ transform: (Entry) -> Other) -> FirstWordIndex<Other> {
        var index = FirstWordIndex<Other>()
        index.entries = entries.map(transform)
        index.bounds = bounds
        return index
    }
}

/// Where a pattern is filed in a `FirstWordIndex`: under any word, or
/// under a word or a prefix its first word pattern takes.
enum FirstWordRoute {
    case anyWord
    case word(Int32)
    case prefix(Int32)
}
