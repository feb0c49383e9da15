import OstromCore

/// The user's star, tags and note, shown under the record's title.
enum AnnotationDetail {
    static func lines(for annotation: Annotation, width: Int) -> [StyledLine] {
        guard !annotation.isEmpty else { return [] }
        var lines: [StyledLine] = []
        let marks = (annotation.starred ? ["* starred"] : []) + annotation.tags.map { "#" + $0 }
        if !marks.isEmpty { lines += StyledLine.field("Yours", marks.joined(separator: " "), labelWidth: 5, width: width) }
        if let note = annotation.note {
            let (shown, more) = StyledLine.capped(note)
            lines += [StyledLine("Note", .heading)] + shown.split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { StyledLine.wrapped(String($0), width: width) }
            if more > 0 { lines.append(StyledLine("… and \(more >> 10) KB more (e edits the whole note)", .dim)) }
        }
        return lines + [.blank]
    }
}
