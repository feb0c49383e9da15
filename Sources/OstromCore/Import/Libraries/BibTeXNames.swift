/// BibTeX name lists, read on the value's bytes as BibTeX reads them:
/// people are separated by `and` between white space outside braces
/// ("Last, First and {World Health Organization} and others", line breaks
/// allowed), a part in one pair of braces is a corporate (literal) name,
/// commas outside braces split "von Last, First" and "von Last, Jr,
/// First", and biblatex's `family=…, given=…` form is read.
enum BibTeXNames {
    static func people(_ bytes: UnsafeBufferPointer<UInt8>) -> [Person] {
        var people: [Person] = []
        var depth = 0
        var start = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x7B: depth += 1
            case 0x7D: depth = max(0, depth - 1)
            case 0x5C: index += 1
            case let byte where depth == 0 && WhiteSpace.isASCIISpace(byte):
                if let end = separatorEnd(bytes, at: index) {
                    if let person = person(bytes, start..<index) { people.append(person) }
                    start = end
                    index = end
                    continue
                }
            default: break
            }
            index += 1
        }
        if let person = person(bytes, start..<bytes.count) { people.append(person) }
        return people
    }

    /// Where " and " (any white space, any case) starting at `index` ends.
    private static func separatorEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        var position = index
        while position < bytes.count && WhiteSpace.isASCIISpace(bytes[position]) { position += 1 }
        guard position + 3 < bytes.count, bytes[position] | 0x20 == 0x61, bytes[position + 1] | 0x20 == 0x6E,
              bytes[position + 2] | 0x20 == 0x64, WhiteSpace.isASCIISpace(bytes[position + 3]) else { return nil }
        position += 3
        while position < bytes.count && WhiteSpace.isASCIISpace(bytes[position]) { position += 1 }
        return position
    }

    private static func person(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Person? {
        var range = range
        while let first = range.first, WhiteSpace.isASCIISpace(bytes[first]) { range = range.dropFirst() }
        while let last = range.last, WhiteSpace.isASCIISpace(bytes[last]) { range = range.dropLast() }
        guard !range.isEmpty else { return nil }
        let part = UnsafeBufferPointer(rebasing: bytes[range])
        if part.elementsEqual("others".utf8) { return Person(literal: "others") }
        if isOneGroup(part) { return Person(literal: LaTeXText.plainText(part)) }
        let commas = topLevelCommas(part)
        guard !commas.isEmpty else { return firstVonLast(part) }
        let piece = { (index: Int) in
            name(UnsafeBufferPointer(rebasing: part[(index == 0 ? 0 : commas[index - 1] + 1)..<(index < commas.count ? commas[index] : part.count)]))
        }
        if part.contains(0x3D), let extended = extendedName((0...commas.count).map(piece)) { return extended }
        // "von Last, First" and "von Last, Jr, First"; more commas are not BibTeX.
        if commas.count <= 2 {
            let family = piece(0)
            let given = piece(commas.count)
            let suffix = commas.count == 2 ? piece(1) : ""
            if !family.isEmpty { return Person(family: family, given: given.isEmpty ? nil : given, suffix: suffix.isEmpty ? nil : suffix) }
        }
        return PersonNames.parse(name(part))
    }

    /// "First von Last" as BibTeX splits it: the von part is the run of
    /// words that start in lower case (not the last word), the words before
    /// it are the first name, the rest the last name ("Ludwig van
    /// Beethoven", "Jean de La Fontaine"); with no such words, the last word
    /// is the last name. ostrom keeps the von part with the family name. A
    /// name that reads as an organisation's ("World Health Organization")
    /// is one literal name.
    private static func firstVonLast(_ part: UnsafeBufferPointer<UInt8>) -> Person? {
        let whole = name(part)
        guard !whole.isEmpty else { return nil }
        if PersonNames.isOrganisation(whole) { return Person(literal: whole) }
        // Words split at white space or `~` outside braces; a word in braces
        // (not an accent such as `{\"O}`) is protected: never the von part.
        // Most names hold no braces: their words are the decoded name's.
        var words: [(text: String, protected: Bool)] = []
        if part.contains(0x7B) {
            func addWord(_ range: Range<Int>) {
                guard !range.isEmpty else { return }
                let text = name(UnsafeBufferPointer(rebasing: part[range]))
                let protected = part[range.lowerBound] == 0x7B && (range.count == 1 || part[range.lowerBound + 1] != 0x5C)
                if !text.isEmpty { words.append((text, protected)) }
            }
            var depth = 0
            var start = 0
            for index in part.indices {
                switch part[index] {
                case 0x7B: depth += 1
                case 0x7D: depth = max(0, depth - 1)
                case let byte where depth == 0 && (WhiteSpace.isASCIISpace(byte) || byte == 0x7E):
                    addWord(start..<index)
                    start = index + 1
                default: break
                }
            }
            addWord(start..<part.count)
        } else {
            words = whole.split(separator: " ").map { (String($0), false) }
        }
        guard words.count > 1 else { return words.first.map { Person(family: $0.text) } }
        let lower = { (word: (text: String, protected: Bool)) in !word.protected && (word.text.first { $0.isLetter }?.isLowercase ?? false) }
        let vonStart = words.dropLast().firstIndex(where: lower)
        let familyStart = vonStart ?? words.count - 1
        let given = words[..<familyStart].map(\.text).joined(separator: " ")
        let family = words[familyStart...].map(\.text).joined(separator: " ")
        return Person(family: family, given: given.isEmpty ? nil : given)
    }

    /// A part of a name as text: LaTeX decoded, a thin space (`\,`
    /// between initials) an ordinary one.
    private static func name(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = LaTeXText.plainText(bytes)
        // Looked for on the bytes (E2 80 89): Foundation's `contains` costs a tenth of a large file's load.
        guard text.utf8.contains(0xE2), text.unicodeScalars.contains("\u{2009}") else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{2009}" ? " " : $0 }))
    }

    /// biblatex's extended name format: `family=Researcher, given=Sam,
    /// prefix=von, suffix=Jr., useprefix=false` (`given-i` and the like
    /// are initials, which the name itself gives; a data model's own parts,
    /// such as `middle`, follow the given name).
    private static func extendedName(_ pieces: [String]) -> Person? {
        var parts: [String: String] = [:]
        var others: [String] = []
        for piece in pieces {
            guard let equals = piece.firstIndex(of: "=") else { return nil }
            let key = piece[..<equals].trimmed.lowercased()
            let value = String(piece[piece.index(after: equals)...]).trimmed
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else { return nil }
            if ["family", "given", "prefix", "suffix", "useprefix"].contains(key) {
                parts[key] = value
            } else if !key.hasSuffix("-i") && !value.isEmpty {
                others.append(value)
            }
        }
        guard parts["family"] != nil || parts["given"] != nil else { return nil }
        if !others.isEmpty { parts["given"] = ([parts["given"]].compactMap { $0 } + others).joined(separator: " ") }
        guard let family = parts["family"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return parts["given"].map { Person(given: $0) }
        }
        let prefix = parts["prefix"].map { $0 + " " } ?? ""
        return Person(family: prefix + family, given: parts["given"], suffix: parts["suffix"])
    }

    /// Whether the brace that opens the part closes it, as in "{World Health Organization}".
    private static func isOneGroup(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
        guard part.first == 0x7B, part.last == 0x7D else { return false }
        var depth = 0
        for index in part.indices {
            if part[index] == 0x7B { depth += 1 } else if part[index] == 0x7D { depth -= 1 }
            if depth == 0 { return index == part.count - 1 }
        }
        return false
    }

    /// The commas outside braces.
    private static func topLevelCommas(_ part: UnsafeBufferPointer<UInt8>) -> [Int] {
        var depth = 0
        var commas: [Int] = []
        commas.reserveCapacity(2)
        for index in part.indices {
            switch part[index] {
            case 0x7B: depth += 1
            case 0x7D: depth = max(0, depth - 1)
            case 0x2C where depth == 0 && (index == 0 || part[index - 1] != 0x5C): commas.append(index)
            default: break
            }
        }
        return commas
    }
}
