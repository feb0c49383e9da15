import Foundation

/// Access to the files of `Resources/` compiled into the binary (see
/// `Generated/EmbeddedResources.swift`), so that a binary copied alone to
/// another machine still has its corpus and ladder.
extension EmbeddedResources {
    /// The names of the embedded files, in order.
    public static var names: [String] { files.map(\.name) }

    /// The bytes of an embedded file; an unknown name is a programming error.
    public static func data(named name: String) -> Data {
        guard let file = files.first(where: { $0.name == name }),
              let data = Data(base64Encoded: file.base64, options: .ignoreUnknownCharacters) else {
            preconditionFailure("no embedded resource named \(name)")
        }
        return data
    }
}
