/// The list as an aligned text table (ID, KIND, DATE, PEOPLE, TITLE), every
/// cell made terminal-safe and measured by display width.
public enum RecordTable {
    /// The table's lines; the title column is cut to fit `width` columns
    /// when a width is given.
    public static func lines(for records: [Record], width: Int? = nil) -> [String] {
        let header = ["ID", "KIND", "DATE", "PEOPLE", "TITLE"]
        let rows = records.map { record in
            [record.id, record.kind.rawValue, record.date?.description ?? "", peopleSummary(record.people), record.displayTitle]
                .map { TerminalSafeText.sanitize($0) }
        }
        let all = [header] + rows
        var widths = (0..<4).map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        widths[3] = min(widths[3], 28)
        let fixed = widths.reduce(0, +) + 2 * widths.count
        return all.map { row in
            var line = ""
            for column in 0..<4 { line += TextWrapping.pad(row[column], width: widths[column]) + "  " }
            let title = width.map { TextWrapping.truncate(row[4], width: max(1, $0 - fixed)) } ?? row[4]
            return line + title
        }
    }

    /// "Tuurnas et al.", "Body & Hogg", "New Economics Foundation".
    public static func peopleSummary(_ people: [Person]) -> String {
        let names = people.map { $0.literal ?? $0.family ?? $0.given ?? "" }
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        case 2: return names[0] + " & " + names[1]
        default: return names[0] + " et al."
        }
    }
}
