import Foundation

/// A file read once gives its bytes back to the system as its entries
/// become records: once an entry's record is made, nothing reads its bytes
/// again, so a large library does not hold the whole file and all its
/// records at once. The values of `@string` macros stay (an entry anywhere
/// may use one); when an entry inherits another's fields (`crossref`,
/// `xdata`), every byte stays until the file is done. A mapped file's
/// bytes (`RawPath.contents`) are read from the file again when read
/// after being given back: nothing need stay.
struct EntryBytesRelease {
    /// Files smaller than this keep their bytes (a few pages are not worth a call).
    static let smallestFile = 1 << 20

    private let base: Int
    private let pageSize: Int
    /// What stays, in the file's order.
    private let kept: [Range<Int>]

    /// Nil when the bytes must all stay.
    init?(entries: [BibTeXParser.Entry], macroBytes: [Range<Int>], bytes: UnsafeBufferPointer<UInt8>, mapped: Bool) {
        if mapped {
            self.init(mapped: bytes)
            return
        }
        guard bytes.count >= Self.smallestFile, entries.allSatisfy({ $0.crossref == nil && $0.xdata.isEmpty }) else { return nil }
        self.init(bytes, keeping: macroBytes.sorted { $0.lowerBound < $1.lowerBound })
    }

    /// For a mapped file's bytes: nothing stays, whatever entries inherit.
    init(mapped bytes: UnsafeBufferPointer<UInt8>) {
        self.init(bytes, keeping: [])
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>, keeping kept: [Range<Int>]) {
        base = Int(bitPattern: bytes.baseAddress)
        pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        self.kept = kept
    }

    /// Gives back the whole pages inside `range` of the file's bytes that
    /// hold nothing kept; what is read there afterwards is zeros (the
    /// file's bytes again, when they are mapped: `RawPath.contents`).
    func giveBack(_ range: Range<Int>) {
        var from = range.lowerBound
        for keep in kept where keep.upperBound > from && keep.lowerBound < range.upperBound {
            if keep.lowerBound > from { release(from..<keep.lowerBound) }
            from = max(from, keep.upperBound)
        }
        if range.upperBound > from { release(from..<range.upperBound) }
    }

    /// The whole pages inside `range`.
    private func release(_ range: Range<Int>) {
        let low = (base + range.lowerBound + pageSize - 1) & ~(pageSize - 1)
        let high = (base + range.upperBound) & ~(pageSize - 1)
        guard high > low, let start = UnsafeMutableRawPointer(bitPattern: low) else { return }
        _ = madvise(start, high - low, MADV_DONTNEED)
    }
}
