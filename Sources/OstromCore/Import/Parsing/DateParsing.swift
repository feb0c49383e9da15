/// Finds dates written the ways web pages and catalogs write them:
/// `2016-03`, `2020-02-05`, `5 February 2020`, `5th Feb. 2020`,
/// `February 5, 2020`, `March 2019`, `05.02.2020`, `5. Februar 2020`, and
/// (when allowed) a bare year.
public enum DateParsing {
    /// A date found in a text, and where.
    public struct Match: Sendable {
        public var date: PartialDate
        public var range: Range<String.Index>
    }

    static let monthNumbers: [String: Int] = {
        let names: [(Int, [String])] = [
            (1, ["january", "jan", "januar", "jänner"]), (2, ["february", "feb", "februar"]),
            (3, ["march", "mar", "märz", "maerz"]), (4, ["april", "apr"]), (5, ["may", "mai"]),
            (6, ["june", "jun", "juni"]), (7, ["july", "jul", "juli"]), (8, ["august", "aug"]),
            (9, ["september", "sep", "sept"]), (10, ["october", "oct", "oktober", "okt"]),
            (11, ["november", "nov"]), (12, ["december", "dec", "dezember", "dez"]),
        ]
        var table: [String: Int] = [:]
        for (number, words) in names { for word in words { table[word] = number } }
        return table
    }()

    private static let monthPattern = monthNumbers.keys.sorted { $0.count > $1.count }.joined(separator: "|")

    private nonisolated(unsafe) static let iso = try! Regex(#"\b(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\b"#)
    private nonisolated(unsafe) static let dayMonthYear = try! Regex(#"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+("# + monthPattern + #")\.?,?\s+(\d{4})\b"#).ignoresCase()
    private nonisolated(unsafe) static let monthDayYear = try! Regex(#"\b("# + monthPattern + #")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#).ignoresCase()
    private nonisolated(unsafe) static let monthYear = try! Regex(#"\b("# + monthPattern + #")\.?,?\s+(\d{4})\b"#).ignoresCase()
    private nonisolated(unsafe) static let numeric = try! Regex(#"\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b"#)
    private nonisolated(unsafe) static let yearOnly = try! Regex(#"\b(1[5-9]\d\d|2[01]\d\d)\b"#)

    /// The earliest date in `text` (the most precise one where two start
    /// at the same place). Words that form an impossible date ("29 February
    /// 2019") are not read again as a vaguer one ("February 2019").
    public static func firstDate(in text: String, allowYearOnly: Bool = false) -> Match? {
        var candidates: [Match] = []
        var rejected: [Range<String.Index>] = []
        candidates += matches(of: iso, in: text, rejected: &rejected) { groups in
            date(year: groups[0], month: groups[1], day: groups[2])
        }
        candidates += matches(of: dayMonthYear, in: text, rejected: &rejected) { groups in
            date(year: groups[2], month: monthNumbers[groups[1]?.lowercased() ?? ""].map(String.init), day: groups[0])
        }
        candidates += matches(of: monthDayYear, in: text, rejected: &rejected) { groups in
            date(year: groups[2], month: monthNumbers[groups[0]?.lowercased() ?? ""].map(String.init), day: groups[1])
        }
        candidates += matches(of: monthYear, in: text, rejected: &rejected) { groups in
            date(year: groups[1], month: monthNumbers[groups[0]?.lowercased() ?? ""].map(String.init), day: nil)
        }
        candidates += matches(of: numeric, in: text, rejected: &rejected) { groups in
            numericDate(first: groups[0], second: groups[2], year: groups[3])
        }
        if allowYearOnly {
            candidates += matches(of: yearOnly, in: text, rejected: &rejected) { groups in date(year: groups[0], month: nil, day: nil) }
        }
        candidates.removeAll { candidate in rejected.contains { $0.overlaps(candidate.range) } }
        return candidates.min { lhs, rhs in
            if lhs.range.lowerBound != rhs.range.lowerBound { return lhs.range.lowerBound < rhs.range.lowerBound }
            return text.distance(from: lhs.range.lowerBound, to: lhs.range.upperBound)
                > text.distance(from: rhs.range.lowerBound, to: rhs.range.upperBound)
        }
    }

    /// The date in `text` when the whole text is one date.
    public static func date(from text: String, allowYearOnly: Bool = true) -> PartialDate? {
        firstDate(in: text, allowYearOnly: allowYearOnly)?.date
    }

    private static func matches(of regex: Regex<AnyRegexOutput>, in text: String, rejected: inout [Range<String.Index>],
                                build: ([String?]) -> PartialDate?) -> [Match] {
        var found: [Match] = []
        for match in text.matches(of: regex) {
            let groups = (1..<match.output.count).map { match.output[$0].substring.map(String.init) }
            if let date = build(groups) {
                found.append(Match(date: date, range: match.range))
            } else if groups.count >= 3 && groups.allSatisfy({ $0 != nil }) {
                rejected.append(match.range)
            }
        }
        return found
    }

    /// A validated date, or `nil` when the parts are out of range.
    static func date(year: String?, month: String?, day: String?) -> PartialDate? {
        guard let year = year.flatMap({ Int($0) }), (1000...2999).contains(year) else { return nil }
        guard let monthText = month else { return PartialDate(year: year) }
        guard let month = Int(monthText), (1...12).contains(month) else { return nil }
        guard let dayText = day else { return PartialDate(year: year, month: month) }
        guard let day = Int(dayText), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        return PartialDate(year: year, month: month, day: day)
    }

    /// `05.02.2020` and `05/02/2020` are read day first (as in Europe) unless
    /// only month first makes sense (`02/25/2020`).
    private static func numericDate(first: String?, second: String?, year: String?) -> PartialDate? {
        if let month = second.flatMap({ Int($0) }), month <= 12 {
            return date(year: year, month: second, day: first)
        }
        return date(year: year, month: first, day: second)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
