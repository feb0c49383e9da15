import Foundation

extension BuiltInRecords {
    /// The records, in order: each `RecordCoding`'s bytes after their length
    /// (four bytes, little-endian). The seeds give no citation key, which
    /// decoding would otherwise take from the id.
    static var records: [Record] {
        guard let bytes = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
            preconditionFailure("the built-in records are not base64")
        }
        var records: [Record] = []
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + 4 <= raw.count {
                let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                offset += 4
                guard offset + length <= raw.count, var record = try? RecordCoding.decode(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + length])) else {
                    preconditionFailure("the built-in records are damaged")
                }
                record.citationKey = nil
                records.append(record)
                offset += length
            }
        }
        return records
    }

    /// The bytes `records` reads, made from records (the generator's half).
    static func bytes(of records: [Record]) -> [UInt8] {
        records.flatMap { record -> [UInt8] in
            let encoded = RecordCoding.encode(record)
            return withUnsafeBytes(of: UInt32(encoded.count).littleEndian, Array.init) + encoded
        }
    }
}
