/// CSL publication types from the words catalogs and metadata pages use.
enum PublicationTypes {
    private static let table: [(words: [String], type: String)] = [
        (["zeitschriftenartikel", "journal article", "artikel", "article", "aufsatz", "review"], "article-journal"),
        (["buchkapitel", "book chapter", "kapitel", "chapter", "book section", "aufsatz in buch"], "chapter"),
        (["konferenzbeitrag", "conference paper", "conference proceeding", "proceedings", "conference"], "paper-conference"),
        (["dissertation", "hochschulschrift", "thesis"], "thesis"),
        (["bericht", "report", "working paper", "arbeitspapier"], "report"),
        (["e-book", "ebook", "buch", "book", "monografie", "monograph"], "book"),
        (["webseite", "website", "web page"], "webpage"),
    ]

    /// The CSL type for a format label such as `Artikel` or `Journal Article`.
    static func cslType(for label: String) -> String? {
        let key = label.lowercased()
        for entry in table where entry.words.contains(where: key.contains) {
            return entry.type
        }
        return nil
    }
}
