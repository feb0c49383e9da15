/// A phrase typed word by word: the ends of its words so far, made once,
/// and each next word looked for at them (`PhraseEnds`).
extension SearchIndex {
    /// Where the words (term ids, in order, in any field) stand together in
    /// one half's records: the first word's positions, followed by each
    /// next; or, given the ends of all the words but the last, those
    /// followed by the last.
    func phraseEnds(of ids: [Int], after before: PhraseEnds?, range: Range<Int>, half: Int) -> PhraseEnds {
        var ends = before ?? wordEnds(ids[0], range: range, half: half)
        for id in ids.dropFirst(before == nil ? 1 : ids.count - 1) {
            let before = ends
            ends = PhraseEnds(range: range, memory: phraseMemory, room: postings[id].half(half).positions.count, factor: idf(id)) { writer in
                follow(before, with: id, half: half) { document, counts, total, inHeading, found in
                    writer.add(document, endingAt: found, counts: counts, before: total, inHeading: inHeading)
                }
            }
        }
        return ends
    }

    /// A word's own positions in one half's records, as the ends of a
    /// phrase of one word.
    private func wordEnds(_ id: Int, range: Range<Int>, half: Int) -> PhraseEnds {
        let all = Self.mask(nil)
        let (bytes, stream, first) = postings[id].half(half)
        return PhraseEnds(range: range, memory: phraseMemory, positions: stream, factor: idf(id)) { writer in
            var (offset, document) = (0, first)
            while offset < bytes.count {
                document &+= Int(PostingList.readVarint(bytes, &offset))
                let counts = PostingList.readVarint(bytes, &offset)
                writer.add(document, counts: counts & all, positions: PostingList.occurrences(counts), from: stream)
            }
        }
    }

    /// Calls `body` with each record of one half where word `id` stands
    /// right after the phrase's words (`ends`): the word's packed counts
    /// there, the others' score and whether all stood in a heading, and
    /// the word's positions there that follow the others.
    private func follow(_ ends: PhraseEnds, with id: Int, half: Int,
                _ body: (Int, UInt32, Float, Bool, UnsafeBufferPointer<UInt32>) -> Void) {
        let (weighting, fieldCount, all) = (FieldWeighting.shared, Self.fieldCount, Self.mask(nil))
        var cursor = PostingCursor(list: postings[id], half: half)
        let positions = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * PostingCursor.maximumPositions)
        defer { positions.deallocate() }
        let found = positions + PostingCursor.maximumPositions
        inverseNorms.withUnsafeBufferPointer { norms in ends.withView { view in
            cursor.advance()
            while !cursor.isAtEnd {
                let document = cursor.document
                // A record without the words keeps its positions unread (skipped in bulk).
                if view.holds(document) {
                    let count = view.following(document, among: positions, count: cursor.readPositions(into: positions), into: found)
                    if count > 0 {
                        let (total, inHeading) = view.score(document) {
                            Self.saturated(weighting.frequency($0, norms: norms.baseAddress! + document * fieldCount))
                        }
                        body(document, cursor.packed & all, total, inHeading, UnsafeBufferPointer(start: found, count: count))
                    }
                }
                cursor.advance()
            }
        } }
    }

    /// Calls `body` with each record of one half where word `id` ends the
    /// phrase, the words' scores summed there (as `phrase` sums them), and
    /// whether all stood in a heading.
    func scoreFollowing(_ ends: PhraseEnds, with id: Int, half: Int, _ body: (Int, Float, Bool) -> Void) {
        let (weighting, fieldCount, factor) = (FieldWeighting.shared, Self.fieldCount, idf(id))
        inverseNorms.withUnsafeBufferPointer { norms in
            follow(ends, with: id, half: half) { document, counts, total, inHeading, _ in
                let score = factor * Self.saturated(weighting.frequency(counts, norms: norms.baseAddress! + document * fieldCount))
                body(document, total + score, inHeading && counts & RankClass.headingMask != 0)
            }
        }
    }
}
