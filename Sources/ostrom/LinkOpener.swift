import Foundation
import OstromCore

/// Opens an address or a local file with `xdg-open`: started with an argv
/// (no shell), its output sent to /dev/null so it never draws over the
/// browser, reaped in the background. Only addresses `OpenableLink`
/// accepts are passed, and only files that are there.
enum LinkOpener {
    /// A message when the address was not opened.
    static func open(_ link: String) -> String? {
        guard OpenableLink.isOpenable(link) else { return "not opened: only http and https addresses are" }
        return run(link)
    }

    /// A message when the file was not opened.
    static func openFile(_ path: String) -> String? {
        guard RawPath.kind(of: path) == .file else { return "not opened: \(RawPath.display(path)) is not there" }
        // A name starting with - would read as an option.
        return run(path.hasPrefix("-") ? "./" + path : path)
    }

    private static func run(_ argument: String) -> String? {
        do {
            let pid = try ChildProcess.spawn(["xdg-open", argument], quiet: true)
            Thread.detachNewThread { ChildProcess.wait(pid) }
            return nil
        } catch {
            return error.code == ENOENT ? "not opened: xdg-open is not installed" : "not opened: \(error.message)"
        }
    }
}
