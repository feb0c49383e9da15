import Foundation

/// The file fields reference managers write, read into attachments:
/// BibTeX `file` as JabRef (`Description:path:Type`, several joined by
/// `;`, with `\:`, `\;` and `\\` escaped), Mendeley (`:path:pdf`, the
/// leading slash dropped) and Better BibTeX write it, or a bare path or
/// `a.pdf;b.pdf`; RIS `L1`/`L4` and CSL-JSON `file` (paths or `file://`
/// addresses). Relative paths are taken from the library file's folder.
public enum AttachmentFields {
    /// The attachments of a BibTeX `file` field.
    public static func bibTeX(_ field: String, libraryPath: String) -> [RecordAttachment] {
        split(field, on: ";").compactMap { entry in
            let parts = split(entry, on: ":")
            let attachment: RecordAttachment
            switch parts.count {
            case 0: return nil
            case 1: attachment = RecordAttachment(path: parts[0])
            case 2:
                // A drive letter or a description before a path, or a type after it.
                if parts[0].count == 1 || parts[1].hasPrefix("/") || parts[1].hasPrefix("\\") {
                    attachment = parts[0].count == 1 ? RecordAttachment(path: parts.joined(separator: ":"))
                        : RecordAttachment(path: parts[1], description: parts[0])
                } else {
                    attachment = RecordAttachment(path: parts[0], type: parts[1])
                }
            default:
                attachment = RecordAttachment(path: parts[1..<(parts.count - 1)].joined(separator: ":"), description: parts[0], type: parts[parts.count - 1])
            }
            return resolved(attachment, libraryPath: libraryPath)
        }
    }

    /// The attachments of RIS `L1`/`L4` values or a CSL-JSON `file` field.
    public static func paths(_ values: [String], libraryPath: String) -> [RecordAttachment] {
        values.flatMap { split($0, on: ";") }.compactMap { resolved(RecordAttachment(path: $0), libraryPath: libraryPath) }
    }

    /// `path` as a file path: `file://` addresses decoded, a relative path
    /// taken from the library file's folder (and Mendeley's path without
    /// its leading slash given it back when that is the file that exists).
    static func resolved(_ attachment: RecordAttachment, libraryPath: String) -> RecordAttachment? {
        var result = attachment
        var path = attachment.path.trimmingCharacters(in: .whitespaces)
        if path.lowercased().hasPrefix("file://") {
            path = String(path.dropFirst(7)).removingPercentEncoding ?? String(path.dropFirst(7))
        }
        guard !path.isEmpty else { return nil }
        result.description = attachment.description.flatMap { $0.isEmpty ? nil : $0 }
        result.type = attachment.type.flatMap { $0.isEmpty ? nil : $0 }
        let isAbsolute = path.hasPrefix("/") || path.hasPrefix("~") || path.contains("://") || (path.count > 2 && path.dropFirst().hasPrefix(":"))
        if !isAbsolute {
            let folder = (libraryPath as NSString).deletingLastPathComponent
            let beside = folder.isEmpty ? path : folder + "/" + path
            path = RawPath.kind(of: beside) == nil && RawPath.kind(of: "/" + path) != nil ? "/" + path : beside
        }
        result.path = path
        return result
    }

    /// `text` split on a separator that is not escaped with a backslash,
    /// the escapes undone; empty pieces left out.
    static func split(_ text: String, on separator: Character) -> [String] {
        var pieces: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                // Only the escapes JabRef writes; any other backslash is part of the path.
                if character != separator && character != "\\" && character != ":" && character != ";" { current.append("\\") }
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == separator {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        pieces.append(current)
        return separator == ";" ? pieces.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } : pieces
    }
}
