import Foundation
import OstromCore

/// Opens an address with `xdg-open`: started with an argv (no shell), its
/// output sent to /dev/null so it never draws over the browser, reaped in
/// the background. Only addresses `OpenableLink` accepts are passed.
enum LinkOpener {
    /// A message when the address was not opened.
    static func open(_ link: String) -> String? {
        guard OpenableLink.isOpenable(link) else { return "not opened: only http and https addresses are" }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let arguments = ["xdg-open", link]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, "xdg-open", &actions, nil, &argv, environ)
        guard status == 0 else {
            return status == ENOENT ? "not opened: xdg-open is not installed" : "not opened: \(String(cString: strerror(status)))"
        }
        let child = pid
        Thread.detachNewThread {
            var exitStatus: Int32 = 0
            waitpid(child, &exitStatus, 0)
        }
        return nil
    }
}
