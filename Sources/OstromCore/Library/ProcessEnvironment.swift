import Foundation

/// The process's environment variables, read once from `environ`.
/// Foundation's `ProcessInfo.processInfo.environment` sets `ProcessInfo`
/// up on first use and makes a new dictionary on every use: some 0.1 ms
/// each, several times before the first screen.
public enum ProcessEnvironment {
    public static let variables: [String: String] = read(environ)

    /// `NAME=value` strings up to a null pointer; the first of a name
    /// wins, as with `getenv` (a value that is not UTF-8 is repaired).
    static func read(_ entries: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String: String] {
        var variables: [String: String] = [:]
        guard var entry = entries else { return variables }
        while let text = entry.pointee {
            let bytes = UnsafeRawBufferPointer(start: text, count: strlen(text))
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                let name = String(decoding: bytes[..<equals], as: UTF8.self)
                if variables[name] == nil { variables[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self) }
            }
            entry += 1
        }
        return variables
    }
}
