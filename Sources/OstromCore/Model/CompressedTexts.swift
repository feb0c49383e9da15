import CZstd

/// Texts compressed with Zstandard in blocks: each block holds whole
/// texts, one after another, and is at most `blockSize` bytes (a text
/// longer than that is a block of its own). A class: a store hands it to
/// each reader, who then reads it out of the store's lock.
final class CompressedTexts: Sendable {
    /// Every block, one after another, exactly as large as they are.
    private let bytes: [UInt8]
    /// Where each block starts in `bytes`, and the end.
    private let blockStarts: [Int]
    private let blockLengths: [Int]
    let locations: [TextLocation]
    let textBytes: Int

    static let level: Int32 = 1

    /// The texts at `locations` of `text` (one after another, in order)
    /// compressed, or nil when Zstandard fails.
    init?(_ text: [UInt8], locations textLocations: [TextLocation], blockSize: Int) {
        guard let context = ZSTD_createCCtx() else { return nil }
        defer { ZSTD_freeCCtx(context) }
        var output: [UInt8] = []
        var starts = [0]
        var lengths: [Int] = []
        var locations: [TextLocation] = []
        locations.reserveCapacity(textLocations.count)
        var scratch: [UInt8] = []
        var blockStart = 0
        var blockEnd = 0
        func flush() -> Bool {
            let bound = ZSTD_compressBound(blockEnd - blockStart)
            if scratch.count < bound { scratch = [UInt8](repeating: 0, count: bound) }
            let written = text.withUnsafeBytes { source in
                scratch.withUnsafeMutableBytes {
                    ZSTD_compressCCtx(context, $0.baseAddress, bound, source.baseAddress! + blockStart, blockEnd - blockStart, Self.level)
                }
            }
            guard ZSTD_isError(written) == 0 else { return false }
            output.append(contentsOf: scratch[..<written])
            starts.append(output.count)
            lengths.append(blockEnd - blockStart)
            blockStart = blockEnd
            return true
        }
        for location in textLocations {
            precondition(Int(location.start) == blockEnd, "the texts lie one after another")
            if blockEnd > blockStart, blockEnd - blockStart + Int(location.length) > blockSize {
                guard flush() else { return nil }
            }
            locations.append(TextLocation(block: Int32(lengths.count), start: Int32(blockEnd - blockStart), length: location.length))
            blockEnd += Int(location.length)
        }
        if blockEnd > blockStart {
            guard flush() else { return nil }
        }
        // Exactly as large as the blocks: the array grew by doubling.
        bytes = [UInt8](unsafeUninitializedCapacity: output.count) { buffer, count in
            _ = buffer.initialize(from: output)
            count = output.count
        }
        blockStarts = starts
        blockLengths = lengths
        self.locations = locations
        textBytes = blockEnd
    }

    /// What the compressed texts take: the blocks and the tables.
    var storedBytes: Int {
        bytes.count + 8 * (blockStarts.count + blockLengths.count) + MemoryLayout<TextLocation>.stride * locations.count
    }

    /// The text at `slot`, decompressed into this thread's last block
    /// (`ostrom_zstd_block`); `owner` tells these blocks from others'.
    func text(at slot: Int, owner: UInt64) -> String {
        let location = locations[slot]
        let block = Int(location.block)
        let start = blockStarts[block]
        let decompressed = bytes.withUnsafeBytes { source in
            ostrom_zstd_block(owner, block, source.baseAddress! + start, blockStarts[block + 1] - start, blockLengths[block])
        }
        guard let decompressed else { preconditionFailure("a block Zstandard compressed here does not decompress") }
        return String(decoding: UnsafeBufferPointer(start: decompressed + Int(location.start), count: Int(location.length)), as: UTF8.self)
    }
}
