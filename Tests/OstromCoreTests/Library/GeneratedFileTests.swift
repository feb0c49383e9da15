import Foundation
import Testing
import SyntheticLibrary

/// The benchmarks' generated files are written whole, over what was there.
struct GeneratedFileTests {
    @Test func aFileHoldsTheTextAloneAfterALongerOne() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("library.bib").path
        try GeneratedFile.write(String(repeating: "an older and longer file\n", count: 1000), to: path)
        let text = "@article{a, title = {Café}}\n"
        try GeneratedFile.write(text, to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func aFolderThatIsNotThereIsNamed() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing/library.bib").path
        #expect { try GeneratedFile.write("x", to: path) } throws: { error in
            "\(error)" == "\(path): No such file or directory"
        }
    }
}
