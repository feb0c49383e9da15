import Foundation

extension SyntheticLibrary {
    /// Writes numbered lines of field vocabulary (about 100 bytes each),
    /// with `marker` once at 99%; returns the number of the last line. A
    /// file already there at full size is reused.
    public static func writeBigText(to file: URL, megabytes: Int, marker: String) throws -> Int {
        let target = megabytes << 20
        let words = ["co-production", "citizens", "public", "services", "volunteers", "accountability", "peer", "support",
                     "outcomes", "professionals", "community", "trust", "design", "delivery", "policy", "power"]
        if let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int, size >= target,
           let handle = FileHandle(forReadingAtPath: file.path) {
            // Already generated: find the number of the last line.
            handle.seek(toFileOffset: UInt64(size - 200))
            let tail = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
            try handle.close()
            if let last = tail.split(separator: "\n").last, let number = Int(last.prefix(7)) { return number }
        }
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: file)
        var written = 0
        var line = 0
        var chunk = ""
        var markerPlaced = false
        while written < target {
            line += 1
            var text = String(format: "%07d ", line)
            for index in 0..<12 { text += words[(line &* 7 &+ index &* 13) % words.count] + " " }
            if !markerPlaced && written >= target / 100 * 99 {
                text += marker
                markerPlaced = true
            }
            text += "\n"
            chunk += text
            written += text.utf8.count
            if chunk.utf8.count > 1 << 20 {
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        handle.write(Data(chunk.utf8))
        try handle.close()
        return line
    }
}
