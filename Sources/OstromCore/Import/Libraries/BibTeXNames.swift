/// BibTeX name lists, read on the value's bytes as BibTeX reads them:
/// people are separated by `and` between white space outside braces
/// ("Last, First and {World Health Organization} and others", line breaks
/// allowed), a part in one pair of braces is a corporate (literal) name,
/// and one comma outside braces splits "von Last, First".
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
        // Other forms ("First Last", "Last, Jr, First", a parenthesis) go to the general parser.
        if let comma = onlyTopLevelComma(part), !part.contains(0x28) {
            let family = LaTeXText.plainText(UnsafeBufferPointer(rebasing: part[..<comma]))
            let given = LaTeXText.plainText(UnsafeBufferPointer(rebasing: part[(comma + 1)...]))
            if !family.isEmpty { return Person(family: family, given: given.isEmpty ? nil : given) }
        }
        return PersonNames.parse(LaTeXText.plainText(part))
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

    /// The comma outside braces, when there is exactly one.
    private static func onlyTopLevelComma(_ part: UnsafeBufferPointer<UInt8>) -> Int? {
        var depth = 0
        var comma: Int?
        for index in part.indices {
            switch part[index] {
            case 0x7B: depth += 1
            case 0x7D: depth = max(0, depth - 1)
            case 0x2C where depth == 0:
                if comma != nil { return nil }
                comma = index
            default: break
            }
        }
        return comma
    }
}
