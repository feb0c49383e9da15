/// Where ostrom keeps the user's library and state.
public enum StateLocation {
    /// `$XDG_DATA_HOME/ostrom/`, by default `~/.local/share/ostrom/`: the
    /// library database (records, stars, tags, notes, places, reading
    /// positions, search history). Earlier versions kept `library.json` here.
    public static func dataFolder(environment: [String: String]) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/ostrom" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/share/ostrom"
    }

    /// `$XDG_STATE_HOME/ostrom/`, by default `~/.local/state/ostrom/`, where
    /// earlier versions kept annotations, reading positions and the search
    /// history as files of their own.
    public static func stateFolder(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/ostrom" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/ostrom"
    }
}
