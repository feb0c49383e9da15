import Foundation
import OstromCore

/// A generated file, written whole. Not with `Data.write(to:)`: past
/// 2 GiB (the million-entry .bib) Foundation on Linux wrote the first
/// 2 147 479 552 bytes, the most one `write` call takes, and then the
/// start of the data again in place of the rest, so that the file held
/// 974 024 entries and then the first 26 000 again, one cut in half.
public enum GeneratedFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `text` to `path`, replacing what was there.
    public static func write(_ text: String, to path: String) throws(Failure) {
        let descriptor = RawPath.withCString(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        guard descriptor >= 0 else { throw Failure(description: "\(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var text = text
        let failed = text.withUTF8 { Descriptor.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
        guard failed == 0 else { throw Failure(description: "\(path): \(String(cString: strerror(failed)))") }
    }

    /// The generated library of `entries` as a mixed-style .bib in the
    /// temporary folder, written the first time and kept for later runs
    /// (generating a million entries takes minutes).
    public static func cachedBibTeX(entries: Int) throws(Failure) -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ostrom-bench-mixed-\(entries).bib")
        if !FileManager.default.fileExists(atPath: file.path) {
            try write(SyntheticBibTeX.text(of: SyntheticLibrary.records(count: entries)), to: file.path)
        }
        return file
    }
}
