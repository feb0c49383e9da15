/// Field text as exports write it: one line, no control characters (C0,
/// DEL, C1), runs of whitespace as one space.
enum ExportText {
    static func clean(_ text: String) -> String {
        var output = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (value >= 0x7F && value < 0xA0) || scalar.properties.isWhitespace {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace { output.append(" ") }
            pendingSpace = false
            output.unicodeScalars.append(scalar)
        }
        return output
    }

    /// The date a reference gives: the record's, else an event's start.
    static func date(of record: Record) -> PartialDate? {
        record.date ?? record.start?.date
    }
}
