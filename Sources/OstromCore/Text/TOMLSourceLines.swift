import Foundation

/// Where each table and key of a TOML file is, for the config file's
/// messages: TOMLKit gives positions only for syntax errors. Only the forms a config file uses are
/// recognised: `[table.sub]` headers and `key = …` lines, keys bare or quoted.
public struct TOMLSourceLines {
    private var lines: [String: Int] = [:]

    public init(_ text: String) {
        var table = ""
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("["), let end = line.firstIndex(of: "]") {
                table = line[line.index(after: line.startIndex)..<end].split(separator: ".")
                    .map { Self.unquoted($0.trimmingCharacters(in: .whitespaces)) }.joined(separator: ".")
                if lines[table] == nil { lines[table] = number + 1 }
            } else if let key = Self.key(of: line) {
                let path = table.isEmpty ? key : table + "." + key
                if lines[path] == nil { lines[path] = number + 1 }
            }
        }
    }

    /// The line of `key` in `table` (or of the table itself).
    public func line(table: String, key: String? = nil) -> Int? {
        guard let key else { return lines[table] }
        return lines[table.isEmpty ? key : table + "." + key] ?? lines[table]
    }

    private static func key(of line: String) -> String? {
        guard !line.hasPrefix("#") else { return nil }
        if let quote = line.first, quote == "\"" || quote == "'" {
            let rest = line.dropFirst()
            var key = ""
            var escaped = false
            for character in rest {
                if escaped {
                    key.append(character)
                    escaped = false
                } else if character == "\\" && quote == "\"" {
                    escaped = true
                } else if character == quote {
                    return key
                } else {
                    key.append(character)
                }
            }
            return nil
        }
        guard let equals = line.firstIndex(of: "=") else { return nil }
        let key = line[..<equals].trimmingCharacters(in: .whitespaces)
        return key.isEmpty ? nil : key
    }

    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else { return text }
        return String(text.dropFirst().dropLast())
    }
}
