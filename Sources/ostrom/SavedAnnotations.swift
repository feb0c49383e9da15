import Foundation
import OstromCore

/// The user's annotations (tags, placements) for commands that read them;
/// a damaged file is reported on stderr.
enum SavedAnnotations {
    static func load() -> Annotations {
        guard let folder = StateLocation.folder(environment: ProcessInfo.processInfo.environment) else { return Annotations() }
        let loaded = Annotations.load(folder: folder)
        if let warning = loaded.warning { Console.error(warning) }
        return loaded.annotations
    }
}
