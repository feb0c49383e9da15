import Foundation
import OstromCore

/// A PDF's text through `pdftotext` (poppler), when it is installed: run
/// with an argument list, its output read as UTF-8 (pages, split by form
/// feeds, become blank lines).
enum PDFText {
    static func text(of path: String, environment: [String: String] = ProcessEnvironment.variables) -> Result<String, PDFTextFailure> {
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        guard let tool = folders.map({ $0 + "/pdftotext" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return .failure(PDFTextFailure(reason: "pdftotext is not installed (Debian: poppler-utils); showing the record's own text"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", "-q", path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(PDFTextFailure(reason: "pdftotext cannot be run: \(error.localizedDescription)"))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let name = (path as NSString).lastPathComponent
        guard process.terminationStatus == 0 else {
            return .failure(PDFTextFailure(reason: "pdftotext could not read \(RawPath.display(name)) (status \(process.terminationStatus)); showing the record's own text"))
        }
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n\n")
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(PDFTextFailure(reason: "\(RawPath.display(name)) has no text (a scan?); showing the record's own text"))
        }
        return .success(text)
    }
}

struct PDFTextFailure: Error {
    var reason: String
}
