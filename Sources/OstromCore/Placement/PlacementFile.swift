import Foundation

/// Placements kept beside a library, so that a record is placed once in
/// its life, not once per start: each record's summary under a hash of the
/// text the engine reads, in a file stamped
/// with the lexicon it was made by. A file made by another lexicon, or
/// damaged, is not read (its placements are made again); it is written
/// beside its place, synced, then renamed over it.
///
/// Layout, little-endian: magic, format, the lexicon's stamp, the count of
/// categories and of entries; then per entry the text's hash, the stage,
/// the level (category numbers, 0xFF for none), the suggested principles
/// (up to six, 0xFF after the last), and a score per category (`UInt32`).
public enum PlacementFile {
    static let magic: UInt64 = 0x3130_434C_5054_534F // "OSTPLC01"
    static let format: UInt64 = 1
    static let principlesKept = 6

    /// The hash a record's summary is kept under: of the parts of its text
    /// the engine reads (`PlacementEngine.text(of:)`), each with its length,
    /// so that an edited record is placed again. Eight bytes at a time.
    public static func key(of record: Record) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for part in [record.title] + record.keywords + [record.abstract ?? "", record.body ?? ""] {
            var part = part
            part.withUTF8 { bytes in
                mix(&hash, UInt64(bytes.count))
                var offset = 0
                while offset + 8 <= bytes.count {
                    mix(&hash, UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)))
                    offset += 8
                }
                var tail: UInt64 = 0
                for byte in bytes[offset...].reversed() { tail = tail << 8 | UInt64(byte) }
                mix(&hash, tail)
            }
        }
        return hash
    }

    @inline(__always)
    private static func mix(_ hash: inout UInt64, _ word: UInt64) {
        hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 32
    }

    /// The summaries kept in the file, by key; empty when there is no file
    /// or it was made by another lexicon or is damaged.
    public static func read(path: String, engine: PlacementEngine) -> [UInt64: PlacementSummary] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        let names = engine.categoryNames
        let header = 5 * 8
        let stride = 8 + 2 + principlesKept + 4 * names.count
        return data.withUnsafeBytes { raw -> [UInt64: PlacementSummary] in
            func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
            guard raw.count >= header, word(0) == magic, word(8) == format, word(16) == engine.lexiconStamp,
                  word(24) == UInt64(names.count), raw.count == header + Int(word(32)) * stride else { return [:] }
            var kept: [UInt64: PlacementSummary] = [:]
            kept.reserveCapacity(Int(word(32)))
            for entry in 0..<Int(word(32)) {
                let base = header + entry * stride
                func name(_ offset: Int) -> String? {
                    let number = Int(raw[offset])
                    return number < names.count ? names[number] : nil
                }
                let principles = (0..<principlesKept).lazy.map { base + 10 + $0 }.prefix { raw[$0] != 0xFF }.compactMap(name)
                var scores: [(name: String, score: Int)] = []
                for (number, categoryName) in names.enumerated() {
                    let score = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: base + 10 + principlesKept + 4 * number, as: UInt32.self))
                    if score > 0 { scores.append((categoryName, Int(score))) }
                }
                let choice = PlacementChoice(stage: name(base + 8), level: name(base + 9), principles: Array(principles))
                kept[word(base)] = PlacementSummary(suggestion: choice, scores: scores)
            }
            return kept
        }
    }

    /// Writes the summaries under their keys; false when it could not be
    /// done (the file is then as it was).
    @discardableResult
    public static func write(_ summaries: [(key: UInt64, summary: PlacementSummary)], to path: String, engine: PlacementEngine) -> Bool {
        let names = engine.categoryNames
        let number = Dictionary(names.enumerated().map { ($1, UInt8($0)) }, uniquingKeysWith: { first, _ in first })
        var bytes: [UInt8] = []
        func append(_ word: UInt64) { withUnsafeBytes(of: word.littleEndian) { bytes += $0 } }
        [magic, format, engine.lexiconStamp, UInt64(names.count), UInt64(summaries.count)].forEach(append)
        for (key, summary) in summaries {
            append(key)
            let choice = summary.suggestion
            bytes.append(choice.stage.flatMap { number[$0] } ?? 0xFF)
            bytes.append(choice.level.flatMap { number[$0] } ?? 0xFF)
            let principles = choice.principles.prefix(principlesKept).compactMap { number[$0] }
            bytes += principles + repeatElement(0xFF, count: principlesKept - principles.count)
            for name in names { withUnsafeBytes(of: UInt32(clamping: summary.score(of: name)).littleEndian) { bytes += $0 } }
        }
        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { unlink(temporary) }
        let written = bytes.withUnsafeBytes { Descriptor.writeAll($0, to: descriptor) }
        let synced = written == 0 && fsync(descriptor) == 0
        close(descriptor)
        return synced && rename(temporary, path) == 0
    }
}
