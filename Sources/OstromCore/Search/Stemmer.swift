import CStemmer

/// Snowball's English stemmer (Porter2), through Debian's libstemmer: the
/// stem a word shares with its other forms (`volunteering`, `volunteers`
/// → `volunt`). One instance is not to be shared between threads.
final class Stemmer {
    private let stemmer: OpaquePointer

    init() {
        // "english" in UTF-8 is compiled into every libstemmer.
        stemmer = sb_stemmer_new("english", "UTF_8")!
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of a folded word; nil for a word that has none worth
    /// matching on: shorter than 3 letters, or not all English letters
    /// (a number, a Chinese bigram).
    func stem<Bytes: Collection<UInt8>>(_ word: Bytes) -> [UInt8]? {
        guard word.count >= 3, word.count <= SearchTokenizer.maximumWordBytes,
              word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        let bytes = Array(word)
        guard let stemmed = sb_stemmer_stem(stemmer, bytes, Int32(bytes.count)) else { return nil }
        return Array(UnsafeBufferPointer(start: stemmed, count: Int(sb_stemmer_length(stemmer))))
    }
}
