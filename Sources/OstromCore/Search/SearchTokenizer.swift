/// Splits text into search terms, on UTF-8 bytes for speed: letters and
/// digits are folded (lowercase, no diacritics: `Müller` → `muller`); a
/// word joined by hyphens or apostrophes gives its joined form
/// (`co-production` → `coproduction`, `people's` → `peoples`) and its
/// parts; Chinese and Japanese runs give character bigrams (`合作`).
public struct SearchTokenizer {
    /// One term and where it stands in the text (UTF-8 byte offsets).
    public struct Token {
        public var bytes: ArraySlice<UInt8>
        public var start: Int
        public var end: Int
        /// The whole word, as opposed to one part of a hyphenated word.
        public var isWhole: Bool
    }

    /// Folded forms of non-ASCII scalars, computed once each.
    private var foldCache: [UInt32: [UInt8]] = [:]
    private var buffer: [UInt8] = []

    public init() {}

    /// Calls `emit` with each term of `text`, in order. The token's bytes
    /// are only valid during the call.
    public mutating func tokenize(_ text: String, emit: (Token) -> Void) {
        var text = text
        text.withUTF8 { utf8 in tokenize(utf8, emit: emit) }
    }

    public mutating func tokenize(_ utf8: UnsafeBufferPointer<UInt8>, emit: (Token) -> Void) {
        buffer.removeAll(keepingCapacity: true)
        var wordStart = -1
        var wordEnd = 0
        var partStarts: [Int] = []        // offsets into buffer where parts begin
        var partSources: [(Int, Int)] = [] // source byte ranges of the parts
        var partSourceStart = 0
        var pendingJoiner = false
        var previousCJK: (scalar: [UInt8], start: Int)? = nil
        var cjkRunLength = 0

        func flushWord() {
            guard wordStart >= 0 else { return }
            partSources.append((partSourceStart, wordEnd))
            if !buffer.isEmpty {
                emit(Token(bytes: buffer[...], start: wordStart, end: wordEnd, isWhole: true))
                if partStarts.count > 1 {
                    for (index, partStart) in partStarts.enumerated() {
                        let partEnd = index + 1 < partStarts.count ? partStarts[index + 1] : buffer.count
                        if partEnd - partStart >= 2 {
                            emit(Token(bytes: buffer[partStart..<partEnd], start: partSources[index].0, end: partSources[index].1, isWhole: false))
                        }
                    }
                }
            }
            buffer.removeAll(keepingCapacity: true)
            partStarts.removeAll(keepingCapacity: true)
            partSources.removeAll(keepingCapacity: true)
            wordStart = -1
            pendingJoiner = false
        }

        func flushCJK() {
            if cjkRunLength == 1, let single = previousCJK {
                emit(Token(bytes: single.scalar[...], start: single.start, end: single.start + single.scalar.count, isWhole: true))
            }
            previousCJK = nil
            cjkRunLength = 0
        }

        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            // ASCII fast path.
            if byte < 0x80 {
                let lower = byte | 0x20
                let isLetter = lower >= 0x61 && lower <= 0x7A
                let isDigit = byte >= 0x30 && byte <= 0x39
                if isLetter || isDigit {
                    if cjkRunLength > 0 { flushCJK() }
                    if wordStart < 0 {
                        wordStart = index
                        partSourceStart = index
                        partStarts.append(0)
                    } else if pendingJoiner {
                        partSources.append((partSourceStart, wordEnd))
                        partSourceStart = index
                        partStarts.append(buffer.count)
                        pendingJoiner = false
                    }
                    buffer.append(isLetter ? lower : byte)
                    wordEnd = index + 1
                } else if (byte == 0x2D || byte == 0x27) && wordStart >= 0 && !pendingJoiner {
                    pendingJoiner = true
                } else {
                    flushWord()
                    if cjkRunLength > 0 { flushCJK() }
                }
                index += 1
                continue
            }
            // Decode one scalar.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : length == 2 ? 0x1F : 0xFF)
            var next = index + 1
            while next < min(count, index + length) {
                value = (value << 6) | (UInt32(utf8[next]) & 0x3F)
                next += 1
            }
            let start = index
            index = next
            if Self.isJoiner(value) {
                if wordStart >= 0 && !pendingJoiner { pendingJoiner = true } else { flushWord() }
                continue
            }
            if Self.isCJK(value) {
                flushWord()
                let scalar = Array(utf8[start..<index])
                if let previous = previousCJK {
                    emit(Token(bytes: (previous.scalar + scalar)[...], start: previous.start, end: index, isWhole: true))
                }
                previousCJK = (scalar, start)
                cjkRunLength += 1
                continue
            }
            let folded = fold(value)
            if folded.isEmpty {
                // A combining mark continues the word; anything else ends it.
                if Self.isMark(value), wordStart >= 0 { wordEnd = index; continue }
                flushWord()
                if cjkRunLength > 0 { flushCJK() }
                continue
            }
            if cjkRunLength > 0 { flushCJK() }
            if wordStart < 0 {
                wordStart = start
                partSourceStart = start
                partStarts.append(0)
            } else if pendingJoiner {
                partSources.append((partSourceStart, wordEnd))
                partSourceStart = start
                partStarts.append(buffer.count)
                pendingJoiner = false
            }
            buffer.append(contentsOf: folded)
            wordEnd = index
        }
        flushWord()
        if cjkRunLength > 0 { flushCJK() }
    }

    /// The folded bytes of a letter or digit; empty for anything else.
    private mutating func fold(_ value: UInt32) -> [UInt8] {
        if let cached = foldCache[value] { return cached }
        var result: [UInt8] = []
        if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            result = Array(ASCIIFolding.fold(String(Character(scalar))).utf8)
        }
        foldCache[value] = result
        return result
    }

    static func isJoiner(_ value: UInt32) -> Bool {
        value == 0x2010 || value == 0x2011 || value == 0x2019 || value == 0x02BC
    }

    static func isCJK(_ value: UInt32) -> Bool {
        (0x3040...0x30FF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0x20000...0x2FFFF).contains(value)
    }

    static func isMark(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        return ASCIIFolding.isCombiningMark(scalar)
    }

    /// The terms of a text as strings (for queries and tests).
    public mutating func terms(_ text: String, wholeOnly: Bool = false) -> [String] {
        var terms: [String] = []
        tokenize(text) { token in
            if !wholeOnly || token.isWhole { terms.append(String(decoding: token.bytes, as: UTF8.self)) }
        }
        return terms
    }
}
