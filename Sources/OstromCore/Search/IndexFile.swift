import Foundation

/// A search index kept in a file, so that a large library answers searches
/// soon after start rather than once its index is built again (1.5 s for
/// 100 000 records on two cores). The file is a cache: it holds a stamp
/// naming what it was built from (the library, its change counter, the
/// program) and is used only when the stamp is the one asked for; a file
/// that is damaged or of another stamp is left for the next write to replace.
///
/// Layout, native byte order, every section padded to 8 bytes: a header
/// (magic, format, stamp), the counts, the term table (bytes, offsets, hash
/// slots), each posting list's sizes, fields and where its second half starts,
/// the posting and position bytes, the
/// field length norms, the sorted term ids, the stem groups (the stems'
/// table, where each stem's terms start, the terms), each record's year,
/// kind, type and DOI (the types and DOIs as bytes and offsets); then a checksum of all
/// before it.
///
/// The header, the checksum and the writing through a temporary file
/// renamed into place serve every file ostrom keeps beside the library,
/// each with its own magic and format (the placements, `PlacementFile`).
public enum IndexFile {
    /// Why a file was not used.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case missing
        /// Built from another library, another state of it, or another ostrom.
        case stale
        case damaged(String)
        case unwritable(String)

        public var description: String {
            switch self {
            case .missing: "no index file"
            case .stale: "the index file is of another state of the library"
            case .damaged(let why): "the index file is damaged (\(why))"
            case .unwritable(let why): "the index file cannot be written (\(why))"
            }
        }
    }

    /// "OSTRMIDX" read as a native word.
    static let magic: UInt64 = 0x5844_494D_5254_534F
    /// Moves on whenever the tokenizer, the fields, the term table's hash
    /// or this layout change.
    static let format: UInt32 = 5

    /// The bytes of a file read whole; the posting lists of the index read
    /// from it point into them, so it lives as long as the index.
    public final class Block: @unchecked Sendable {
        let base: UnsafeMutableRawPointer
        let count: Int

        init(count: Int) {
            self.count = count
            base = UnsafeMutableRawPointer.allocate(byteCount: max(8, count), alignment: 16)
        }

        deinit { base.deallocate() }
    }

    /// A checksum over 8-byte words, fast enough not to matter beside reading the file.
    struct Checksum {
        private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            precondition(bytes.count % 8 == 0)
            var hash = value
            for offset in stride(from: 0, to: bytes.count, by: 8) {
                hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 29
            }
            value = hash
        }
    }

    static func padded(_ count: Int) -> Int { (count + 7) & ~7 }

    /// Texts as their bytes one after another and where each ends.
    static func arena(of texts: [String]) -> ([UInt8], [UInt32]) {
        var arena: [UInt8] = []
        var ends: [UInt32] = []
        ends.reserveCapacity(texts.count)
        for text in texts {
            arena += text.utf8
            ends.append(UInt32(arena.count))
        }
        return (arena, ends)
    }

    /// The search index's file read whole (`read(path:stamp:magic:format:)`).
    public static func read(path: String, stamp: String) throws(IndexFile.Problem) -> IndexFile.Block {
        try read(path: path, stamp: stamp, magic: magic, format: format)
    }

    /// A kept file read whole, its checksum checked; its header first, so
    /// that a file of another kind, format or stamp is not read in full.
    static func read(path: String, stamp: String, magic: UInt64, format: UInt32) throws(IndexFile.Problem) -> IndexFile.Block {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw errno == ENOENT ? .missing : .damaged(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { throw .damaged("not a file") }
        let size = Int(status.st_size)
        guard size >= 24, size % 8 == 0 else { throw .damaged("\(size) bytes") }
        var head: (UInt64, UInt64) = (0, 0)
        guard pread(descriptor, &head, 16, 0) == 16 else { throw .damaged("its header cannot be read") }
        let stampLength = Int(head.1 >> 32)
        guard head.0 == magic, UInt32(truncatingIfNeeded: head.1) == format,
              stampLength == stamp.utf8.count, stampLength <= size - 24 else { throw .stale }
        var stored = [UInt8](repeating: 0, count: stampLength)
        guard pread(descriptor, &stored, stampLength, 16) == stampLength, stored == Array(stamp.utf8) else { throw .stale }
        let block = IndexFile.Block(count: size)
        var done = 0
        while done < size {
            let count = pread(descriptor, block.base + done, size - done, off_t(done))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .damaged("it ends early") }
            done += count
        }
        var checksum = IndexFile.Checksum()
        checksum.add(UnsafeRawBufferPointer(start: block.base, count: size - 8))
        guard checksum.value == block.base.loadUnaligned(fromByteOffset: size - 8, as: UInt64.self) else {
            throw .damaged("its checksum differs")
        }
        return block
    }
}

extension IndexFile {
    /// Writes a kept file to `path` through a new file beside it, synced
    /// and renamed into place: its header (`magic`, `format`, `stamp`),
    /// what `contents` writes, and the checksum. A file left by a writer
    /// that died is removed.
    static func write(to path: String, stamp: String, magic: UInt64 = IndexFile.magic, format: UInt32 = IndexFile.format,
                      contents: (IndexFileWriter) throws(IndexFile.Problem) -> Void) throws(IndexFile.Problem) {
        IndexFileWriter.removeLeftovers(of: path)
        let temporary = "\(path).\(getpid()).tmp"
        do {
            let writer = try IndexFileWriter(path: temporary)
            let stampBytes = Array(stamp.utf8)
            try writer.words([magic, UInt64(format) | UInt64(stampBytes.count) << 32])
            try writer.array(stampBytes)
            try contents(writer)
            try writer.finish()
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .unwritable(reason)
        }
    }
}

extension SearchIndex {
    /// Writes the index to `path` (`IndexFile.write`).
    public func write(to path: String, stamp: String) throws(IndexFile.Problem) {
        try IndexFile.write(to: path, stamp: stamp, contents: writeContents)
    }

    private func writeContents(_ writer: IndexFileWriter) throws(IndexFile.Problem) {
        let positionBytes = postings.reduce(0) { $0 + $1.positions.count }
        try writer.words([records.count, SearchIndex.fieldCount, terms.count, terms.arena.count, terms.slots.count,
                          postings.reduce(0) { $0 + $1.bytes.count }, positionBytes, splitDocument].map { UInt64($0) })
        try writer.array(terms.arena)
        try writer.array(terms.offsets)
        try writer.array(terms.slots)
        try writer.array(postings.flatMap { list in
            [UInt32(list.count), UInt32(list.lastDocument), UInt32(list.bytes.count), UInt32(list.positions.count), list.fields,
             UInt32(bitPattern: Int32(list.split.document)), UInt32(list.split.offset), UInt32(list.split.positionOffset)]
        })
        for list in postings { try writer.bytes(UnsafeRawBufferPointer(list.bytes.buffer)) }
        try writer.pad()
        for list in postings { try writer.bytes(UnsafeRawBufferPointer(list.positions.buffer)) }
        try writer.pad()
        try writer.array(inverseNorms)
        try writer.array(sortedTerms)
        let stems = stemGroups.stems
        try writer.words([stems.count, stems.arena.count, stems.slots.count].map { UInt64($0) })
        try writer.array(stems.arena)
        try writer.array(stems.offsets)
        try writer.array(stems.slots)
        try writer.array(stemGroups.starts)
        try writer.array(stemGroups.members)
        try writer.array(years)
        try writer.array(kinds.map { UInt8(RecordKind.allCases.firstIndex(of: $0)!) })
        for texts in [types, dois] {
            let (arena, offsets) = IndexFile.arena(of: texts)
            try writer.words([UInt64(arena.count)])
            try writer.array(arena)
            try writer.array(offsets)
        }
    }

    /// The index of `count` records from a file read with `IndexFile.read`,
    /// with none of its records yet (see `with(records:)`).
    public convenience init(count recordCount: Int, file block: IndexFile.Block) throws(IndexFile.Problem) {
        var reader = IndexFileReader(block: block)
        // The header and stamp, which `read` has checked.
        let head = try reader.take(UInt64.self, count: 2)
        _ = try reader.take(UInt8.self, count: Int(head[1] >> 32))
        let counts = try (0..<8).map { _ throws(IndexFile.Problem) in try reader.count() }
        guard counts[0] == recordCount else { throw .stale }
        guard counts[7] <= recordCount else { throw .damaged("its halves are out of range") }
        guard counts[1] == SearchIndex.fieldCount else { throw .damaged("\(counts[1]) fields") }
        let termCount = counts[2]
        let arena = Array(try reader.take(UInt8.self, count: counts[3]))
        let offsets = Array(try reader.take(Int32.self, count: termCount + 1))
        guard let terms = TermTable(arena: arena, offsets: offsets, slots: Array(try reader.take(Int32.self, count: counts[4]))) else {
            throw .damaged("its terms disagree")
        }
        let sizes = try reader.take(UInt32.self, count: termCount * 8)
        let postingBase = try reader.take(UInt8.self, count: counts[5])
        let positionBase = try reader.take(UInt8.self, count: counts[6])
        var postings: [PostingList] = []
        postings.reserveCapacity(termCount)
        var postingOffset = 0, positionOffset = 0
        for term in 0..<termCount {
            let size = sizes[(term * 8)..<(term * 8 + 8)].map(Int.init)
            let (count, last, length, positionLength, fields) = (size[0], size[1], size[2], size[3], UInt32(size[4]))
            let split = PostingList.Split(document: Int(Int32(bitPattern: UInt32(size[5]))), offset: size[6], positionOffset: size[7])
            guard count > 0, last < recordCount, length <= counts[5] - postingOffset,
                  positionLength <= counts[6] - positionOffset else { throw .damaged("posting list \(term) does not fit") }
            guard split.document >= -1, split.document <= last, split.offset <= length, split.positionOffset <= positionLength else {
                throw .damaged("posting list \(term) has its halves out of range")
            }
            postings.append(PostingList(
                bytes: GrowableBytes(borrowing: UnsafeMutablePointer(mutating: postingBase.baseAddress! + postingOffset), count: length),
                positions: GrowableBytes(borrowing: UnsafeMutablePointer(mutating: positionBase.baseAddress! + positionOffset),
                                         count: positionLength),
                count: count, lastDocument: last, fields: fields, split: split))
            postingOffset += length
            positionOffset += positionLength
        }
        let norms = Array(try reader.take(Float.self, count: recordCount * SearchIndex.fieldCount))
        let sorted = Array(try reader.take(Int32.self, count: termCount))
        guard sorted.allSatisfy({ $0 >= 0 && Int($0) < termCount }) else { throw .damaged("its term order is out of range") }
        let stemGroups = try reader.stemGroups(termCount: termCount)
        let years = Array(try reader.take(Int16.self, count: recordCount))
        let kinds = try reader.take(UInt8.self, count: recordCount).map { (kind) throws(IndexFile.Problem) -> RecordKind in
            guard Int(kind) < RecordKind.allCases.count else { throw .damaged("a record's kind is out of range") }
            return RecordKind.allCases[Int(kind)]
        }
        let types = try reader.texts(count: recordCount), dois = try reader.texts(count: recordCount)
        self.init(records: [], count: recordCount, splitDocument: counts[7], terms: terms, postings: postings, inverseNorms: norms, sortedTerms: sorted,
                  termsByFirstByte: Self.termsByFirstByte(terms), stemGroups: stemGroups,
                  facets: Facets(years: years, kinds: kinds, types: types, dois: dois), storage: block)
    }
}

/// Writes an index file a megabyte at a time, summing what it writes; its
/// file is closed and its buffer freed when it goes, however the writing ended.
final class IndexFileWriter {
    private var descriptor: Int32
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    private var used = 0
    private var written = 0
    private var checksum = IndexFile.Checksum()

    init(path: String) throws(IndexFile.Problem) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unwritable("\(path): \(String(cString: strerror(errno)))") }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        buffer.deallocate()
    }

    func bytes(_ bytes: UnsafeRawBufferPointer) throws(IndexFile.Problem) {
        var start = 0
        while start < bytes.count {
            let length = min(bytes.count - start, buffer.count - used)
            UnsafeMutableRawBufferPointer(rebasing: buffer[used..<(used + length)])
                .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)]))
            used += length
            start += length
            if used == buffer.count { try flush() }
        }
    }

    func pad() throws(IndexFile.Problem) {
        let zeros: UInt64 = 0
        let missing = IndexFile.padded(written + used) - (written + used)
        try withUnsafeBytes(of: zeros) { (raw) throws(IndexFile.Problem) in try bytes(UnsafeRawBufferPointer(rebasing: raw[0..<missing])) }
    }

    func array<Element>(_ elements: [Element]) throws(IndexFile.Problem) {
        // `withUnsafeBytes` rethrows untyped errors: the result carries the typed one out.
        try elements.withUnsafeBytes { raw in Result { () throws(IndexFile.Problem) in try bytes(raw) } }.get()
        try pad()
    }

    func words(_ words: [UInt64]) throws(IndexFile.Problem) { try array(words) }

    private func flush() throws(IndexFile.Problem) {
        let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<used])
        checksum.add(chunk)
        var start = 0
        while start < chunk.count {
            let count = Foundation.write(descriptor, chunk.baseAddress! + start, chunk.count - start)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .unwritable(String(cString: strerror(errno))) }
            start += count
        }
        written += used
        used = 0
    }

    /// Writes the checksum, syncs the file to the disk and closes it.
    func finish() throws(IndexFile.Problem) {
        try flush()
        var sum = checksum.value
        guard Foundation.write(descriptor, &sum, 8) == 8, fsync(descriptor) == 0 else {
            throw .unwritable(String(cString: strerror(errno)))
        }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw .unwritable(String(cString: strerror(errno))) }
    }

    /// Removes the temporary files of writers that are no longer running.
    static func removeLeftovers(of path: String) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path, name = url.lastPathComponent + "."
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(name) && entry.hasSuffix(".tmp") {
            guard let pid = Int32(entry.dropFirst(name.count).dropLast(4)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder + "/" + entry)
        }
    }
}

/// Reads an index file's sections in order, each checked to lie inside it.
struct IndexFileReader {
    let block: IndexFile.Block
    private var offset = 0

    init(block: IndexFile.Block) { self.block = block }

    mutating func take<Element>(_: Element.Type, count: Int) throws(IndexFile.Problem) -> UnsafeBufferPointer<Element> {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<Element>.stride)
        guard count >= 0, !overflow, bytes <= block.count - 8 - offset else { throw .damaged("a section runs past its end") }
        let start = (block.base + offset).bindMemory(to: Element.self, capacity: count)
        offset += IndexFile.padded(bytes)
        return UnsafeBufferPointer(start: start, count: count)
    }

    /// `count` texts written by `IndexFile.arena(of:)`, after their byte count.
    mutating func texts(count: Int) throws(IndexFile.Problem) -> [String] {
        let arena = try take(UInt8.self, count: try self.count())
        let ends = try take(UInt32.self, count: count)
        var start = 0
        return try ends.map { (end) throws(IndexFile.Problem) -> String in
            guard Int(end) >= start, Int(end) <= arena.count else { throw .damaged("a text runs past its end") }
            defer { start = Int(end) }
            return String(decoding: UnsafeBufferPointer(rebasing: arena[start..<Int(end)]), as: UTF8.self)
        }
    }

    /// The stem groups of a vocabulary of `termCount` terms.
    mutating func stemGroups(termCount: Int) throws(IndexFile.Problem) -> StemGroups {
        let (stemCount, arenaCount, slotCount) = (try count(), try count(), try count())
        let arena = Array(try take(UInt8.self, count: arenaCount))
        let offsets = Array(try take(Int32.self, count: stemCount + 1))
        guard let stems = TermTable(arena: arena, offsets: offsets, slots: Array(try take(Int32.self, count: slotCount))) else {
            throw .damaged("its stems disagree")
        }
        let starts = Array(try take(Int32.self, count: stemCount + 1))
        guard let last = starts.last, last >= 0,
              let groups = StemGroups(stems: stems, starts: starts, members: Array(try take(Int32.self, count: Int(last))), termCount: termCount) else {
            throw .damaged("its stem groups disagree")
        }
        return groups
    }

    mutating func word() throws(IndexFile.Problem) -> UInt64 { try take(UInt64.self, count: 1)[0] }

    mutating func count() throws(IndexFile.Problem) -> Int {
        let word = try word()
        guard word <= UInt64(block.count) else { throw .damaged("a count is out of range") }
        return Int(word)
    }
}
