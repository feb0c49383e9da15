/// Splits text into search terms, on UTF-8 bytes for speed: letters and
/// digits are folded (lowercase, no diacritics: `Müller` → `muller`); a
/// word joined by hyphens or apostrophes gives its joined form
/// (`co-production` → `coproduction`, `people's` → `peoples`) and its
/// parts; Chinese and Japanese runs give character bigrams (`合作`).
///
/// Indexing runs every byte of the library through here, so words are
/// built in fixed scratch buffers rather than growing arrays.
public struct SearchTokenizer {
    /// One term and where it stands in the text (UTF-8 byte offsets).
    public struct Token {
        /// Valid only during the `emit` call.
        public var bytes: UnsafeBufferPointer<UInt8>
        public var start: Int
        public var end: Int
        /// The whole word, as opposed to one part of a hyphenated word.
        public var isWhole: Bool
    }

    /// Longer words are cut into pieces of this many bytes.
    static let maximumWordBytes = 512
    /// Parts beyond this many are still in the whole word, not on their own.
    static let maximumParts = 32

    private final class Scratch {
        let word = UnsafeMutablePointer<UInt8>.allocate(capacity: SearchTokenizer.maximumWordBytes)
        /// Per part: start in `word`, source start, source end.
        let parts = UnsafeMutablePointer<Int>.allocate(capacity: 3 * SearchTokenizer.maximumParts)
        let bigram = UnsafeMutablePointer<UInt8>.allocate(capacity: 8)
        deinit {
            word.deallocate()
            parts.deallocate()
            bigram.deallocate()
        }
    }

    private let scratch = Scratch()
    /// Folded forms of non-ASCII scalars, computed once each.
    private var foldCache: [UInt32: [UInt8]] = [:]

    public init() {}

    /// Calls `emit` with each term of `text`, in order.
    public mutating func tokenize(_ text: String, emit: (Token) -> Void) {
        var text = text
        text.withUTF8 { tokenize($0, emit: emit) }
    }

    /// The word being built and the CJK run being read. Kept in one value
    /// passed `inout`, so that no closure captures mutable state (which
    /// would cost a runtime exclusivity check per byte).
    private struct State {
        var length = 0
        var partCount = 0
        var wordStart = -1
        var wordEnd = 0
        var pendingJoiner = false
        var cjkStart = 0
        var cjkEnd = 0
        var cjkRun = 0
    }

    public mutating func tokenize(_ utf8: UnsafeBufferPointer<UInt8>, emit: (Token) -> Void) {
        let word = scratch.word
        let parts = scratch.parts
        var state = State()
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            if byte < 0x80 {
                // ASCII fast path.
                let lower = byte | 0x20
                if lower >= 0x61 && lower <= 0x7A || byte >= 0x30 && byte <= 0x39 {
                    if state.cjkRun > 0 { Self.flushCJK(&state, utf8, emit) }
                    Self.begin(&state, parts, start: index)
                    // The whole run of ASCII letters and digits at once: eight bytes at a
                    // time while they fit, folded together (a digit has the 0x20 bit
                    // already), leaving the word's last byte to the loop after, which
                    // stops there.
                    var length = state.length
                    let base = UnsafeRawPointer(utf8.baseAddress!)
                    while index &+ 8 <= count && length &+ 8 < Self.maximumWordBytes {
                        let chunk = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                        UnsafeMutableRawPointer(word + length).storeBytes(of: (chunk | 0x2020_2020_2020_2020).littleEndian, as: UInt64.self)
                        let run = Self.leadingWordBytes(chunk)
                        length &+= run
                        index &+= run
                        if run < 8 { break }
                    }
                    while index < count {
                        let next = utf8[index]
                        let folded = next | 0x20
                        if folded >= 0x61 && folded <= 0x7A {
                            word[length] = folded
                        } else if next >= 0x30 && next <= 0x39 {
                            word[length] = next
                        } else {
                            break
                        }
                        length += 1
                        index += 1
                        if length == Self.maximumWordBytes { break }
                    }
                    state.length = length
                    state.wordEnd = index
                    parts[3 * (state.partCount - 1) + 2] = index
                    if length == Self.maximumWordBytes { Self.flushWord(&state, word, parts, emit) }
                    continue
                } else if (byte == 0x2D || byte == 0x27) && state.wordStart >= 0 && !state.pendingJoiner {
                    state.pendingJoiner = true
                } else {
                    Self.flushWord(&state, word, parts, emit)
                    if state.cjkRun > 0 { Self.flushCJK(&state, utf8, emit) }
                }
                index += 1
                continue
            }
            let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            var value = UInt32(byte) & (width == 4 ? 0x07 : width == 3 ? 0x0F : width == 2 ? 0x1F : 0xFF)
            let end = min(count, index + width)
            var next = index + 1
            while next < end {
                value = (value << 6) | (UInt32(utf8[next]) & 0x3F)
                next += 1
            }
            let start = index
            index = end
            if Self.isJoiner(value) {
                if state.wordStart >= 0 && !state.pendingJoiner { state.pendingJoiner = true } else { Self.flushWord(&state, word, parts, emit) }
                continue
            }
            if Self.isCJK(value) {
                Self.flushWord(&state, word, parts, emit)
                if state.cjkRun > 0 {
                    let first = state.cjkEnd - state.cjkStart
                    let bigram = scratch.bigram
                    for offset in 0..<first { bigram[offset] = utf8[state.cjkStart + offset] }
                    for offset in 0..<(end - start) { bigram[first + offset] = utf8[start + offset] }
                    emit(Token(bytes: UnsafeBufferPointer(start: bigram, count: first + end - start), start: state.cjkStart, end: end, isWhole: true))
                }
                state.cjkStart = start
                state.cjkEnd = end
                state.cjkRun += 1
                continue
            }
            let folded = fold(value)
            if folded.isEmpty {
                // A combining mark continues the word; anything else ends it.
                if Self.isMark(value), state.wordStart >= 0 { state.wordEnd = end; continue }
                Self.flushWord(&state, word, parts, emit)
                if state.cjkRun > 0 { Self.flushCJK(&state, utf8, emit) }
                continue
            }
            if state.cjkRun > 0 { Self.flushCJK(&state, utf8, emit) }
            Self.begin(&state, parts, start: start)
            if state.length + folded.count > Self.maximumWordBytes { Self.flushWord(&state, word, parts, emit); Self.begin(&state, parts, start: start) }
            for byte in folded {
                word[state.length] = byte
                state.length += 1
            }
            state.wordEnd = end
            parts[3 * (state.partCount - 1) + 2] = end
        }
        Self.flushWord(&state, word, parts, emit)
        if state.cjkRun > 0 { Self.flushCJK(&state, utf8, emit) }
    }

    /// How many of the eight bytes (the first in the lowest byte) are
    /// ASCII letters or digits before the first that is not: each byte's
    /// ranges tested at once, by additions that set its top bit and cannot
    /// carry into the next byte.
    @inline(__always)
    static func leadingWordBytes(_ chunk: UInt64) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        let seven = chunk & 0x7F7F_7F7F_7F7F_7F7F
        let lower = seven | 0x2020_2020_2020_2020
        let letter = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lower &+ 0x0505_0505_0505_0505)   // 0x61...0x7A
        let digit = (seven &+ 0x5050_5050_5050_5050) & ~(seven &+ 0x4646_4646_4646_4646)    // 0x30...0x39
        let stops = ~((letter | digit) & ~chunk) & high
        return stops == 0 ? 8 : stops.trailingZeroBitCount >> 3
    }

    /// Starts a word, or a new part of it after a joiner.
    @inline(__always)
    private static func begin(_ state: inout State, _ parts: UnsafeMutablePointer<Int>, start: Int) {
        if state.wordStart < 0 {
            state.wordStart = start
            parts[0] = 0
            parts[1] = start
            state.partCount = 1
        } else if state.pendingJoiner {
            if state.partCount < maximumParts {
                parts[3 * state.partCount] = state.length
                parts[3 * state.partCount + 1] = start
                state.partCount += 1
            }
            state.pendingJoiner = false
        }
    }

    /// Emits the word (and its parts, when it has several) and resets it.
    @inline(__always)
    private static func flushWord(_ state: inout State, _ word: UnsafeMutablePointer<UInt8>, _ parts: UnsafeMutablePointer<Int>,
                                  _ emit: (Token) -> Void) {
        if state.wordStart >= 0 && state.length > 0 {
            emit(Token(bytes: UnsafeBufferPointer(start: word, count: state.length), start: state.wordStart, end: state.wordEnd, isWhole: true))
            if state.partCount > 1 {
                for part in 0..<state.partCount {
                    let from = parts[3 * part]
                    let to = part + 1 < state.partCount ? parts[3 * (part + 1)] : state.length
                    if to - from >= 2 {
                        emit(Token(bytes: UnsafeBufferPointer(start: word + from, count: to - from),
                                   start: parts[3 * part + 1], end: parts[3 * part + 2], isWhole: false))
                    }
                }
            }
        }
        state.length = 0
        state.partCount = 0
        state.wordStart = -1
        state.pendingJoiner = false
    }

    /// A CJK run of one character is a term of its own.
    @inline(__always)
    private static func flushCJK(_ state: inout State, _ utf8: UnsafeBufferPointer<UInt8>, _ emit: (Token) -> Void) {
        if state.cjkRun == 1 {
            emit(Token(bytes: UnsafeBufferPointer(rebasing: utf8[state.cjkStart..<state.cjkEnd]),
                       start: state.cjkStart, end: state.cjkEnd, isWhole: true))
        }
        state.cjkRun = 0
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
