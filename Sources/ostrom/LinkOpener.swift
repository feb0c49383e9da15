import Foundation
import OstromCore

/// Opens an address with `xdg-open`: started with an argv (no shell), its
/// output sent to /dev/null so it never draws over the browser, reaped in
/// the background. Only addresses `OpenableLink` accepts are passed.
enum LinkOpener {
    /// A message when the address was not opened.
    static func open(_ link: String) -> String? {
        guard OpenableLink.isOpenable(link) else { return "not opened: only http and https addresses are" }
        do {
            let pid = try ChildProcess.spawn(["xdg-open", link], quiet: true)
            Thread.detachNewThread { ChildProcess.wait(pid) }
            return nil
        } catch {
            return error.code == ENOENT ? "not opened: xdg-open is not installed" : "not opened: \(error.message)"
        }
    }
}
