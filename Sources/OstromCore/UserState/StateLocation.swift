/// Where ostrom keeps the user's state (search history, later bookmarks,
/// tags, notes, placements, reading positions): `$XDG_STATE_HOME/ostrom/`,
/// by default `~/.local/state/ostrom/`.
public enum StateLocation {
    public static func folder(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/ostrom" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/ostrom"
    }
}
