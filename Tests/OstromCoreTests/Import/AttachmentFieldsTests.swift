import Foundation
import Testing
@testable import OstromCore

/// The file fields of JabRef, Mendeley, Zotero/Better BibTeX, RIS and CSL-JSON.
@Suite struct AttachmentFieldsTests {
    private func bib(_ field: String, library: String = "/home/me/refs/library.bib") -> [RecordAttachment] {
        AttachmentFields.bibTeX(field, libraryPath: library)
    }

    @Test func jabRefsDescriptionPathAndTypeWithEscapes() {
        #expect(bib(":papers/ostrom1990.pdf:PDF") == [RecordAttachment(path: "/home/me/refs/papers/ostrom1990.pdf", type: "PDF")])
        #expect(bib("Full text:/data/a\\:b.pdf:PDF;Slides:/data/c\\;d.pptx:PowerPoint") == [
            RecordAttachment(path: "/data/a:b.pdf", description: "Full text", type: "PDF"),
            RecordAttachment(path: "/data/c;d.pptx", description: "Slides", type: "PowerPoint"),
        ])
        // A Windows path as JabRef escapes it.
        #expect(bib(":C\\:\\\\Users\\\\me\\\\a.pdf:PDF") == [RecordAttachment(path: "C:\\Users\\me\\a.pdf", type: "PDF")])
    }

    @Test func betterBibTeXAndBarePaths() {
        #expect(bib("Full Text PDF:/home/me/Zotero/storage/AB12/Pestoff - 2006.pdf:application/pdf") == [
            RecordAttachment(path: "/home/me/Zotero/storage/AB12/Pestoff - 2006.pdf", description: "Full Text PDF", type: "application/pdf"),
        ])
        #expect(bib("/a/one.pdf;/a/two.pdf") == [RecordAttachment(path: "/a/one.pdf"), RecordAttachment(path: "/a/two.pdf")])
        #expect(bib("one.pdf", library: "refs.bib") == [RecordAttachment(path: "one.pdf")])
        #expect(bib("Notes:/a/notes.txt") == [RecordAttachment(path: "/a/notes.txt", description: "Notes")])
        #expect(bib(" ; ").isEmpty)
    }

    /// Mendeley drops the leading slash: given back when that is the file there.
    @Test func mendeleysPathWithoutItsSlash() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("paper.pdf")
        try Data("%PDF".utf8).write(to: file)
        #expect(bib(":" + String(file.path.dropFirst()) + ":pdf") == [RecordAttachment(path: file.path, type: "pdf")])
    }

    @Test func risAndCSLPathsAndFileAddresses() {
        #expect(AttachmentFields.paths(["file:///home/me/My%20Paper.pdf", "internal-pdf://123/a.pdf", "b.pdf"], libraryPath: "/x/r.ris") == [
            RecordAttachment(path: "/home/me/My Paper.pdf"), RecordAttachment(path: "internal-pdf://123/a.pdf"), RecordAttachment(path: "/x/b.pdf"),
        ])
    }

    @Test func importersReadThemAndBibTeXWritesThemBack() throws {
        let bibtex = "@article{a, title = {A}, file = {Full text:/data/a\\:b.pdf:PDF;:rel/c.pdf:PDF}}\n"
        let records = BibTeXImporter().importRecords(from: SourceDocument(path: "/lib/refs.bib", bytes: Data(bibtex.utf8))).records
        let expected = [RecordAttachment(path: "/data/a:b.pdf", description: "Full text", type: "PDF"), RecordAttachment(path: "/lib/rel/c.pdf", type: "PDF")]
        #expect(records.first?.attachments == expected)
        let exported = BibTeXExporter.text(of: records)
        #expect(exported.contains("file = {Full text:/data/a\\:b.pdf:PDF;:/lib/rel/c.pdf:PDF}"))
        let again = BibTeXImporter().importRecords(from: SourceDocument(path: "/elsewhere/out.bib", bytes: Data(exported.utf8))).records
        #expect(again.first?.attachments == expected)
        let ris = "TY  - JOUR\nTI  - R\nL1  - file:///data/r.pdf\nL4  - fig.png\nER  - \n"
        #expect(RISImporter().importRecords(from: SourceDocument(path: "/lib/x.ris", bytes: Data(ris.utf8))).records.first?.attachments
            == [RecordAttachment(path: "/data/r.pdf"), RecordAttachment(path: "/lib/fig.png")])
        let csl = #"[{"id": "c", "type": "book", "title": "C", "file": "/data/c.pdf"}]"#
        let cslRecords = DocumentRecognizer().importRecords(from: SourceDocument(path: "/lib/x.json", bytes: Data(csl.utf8))).records
        #expect(cslRecords.first?.attachments == [RecordAttachment(path: "/data/c.pdf")])
    }
}
