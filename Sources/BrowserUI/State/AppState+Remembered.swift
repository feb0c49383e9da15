import OstromCore

/// What the browser remembers from one run to the next: the tab, each
/// tab's order, the record selected in each tab of records, whether the
/// detail pane is shown, and the theme and split `:` chose (saved when it
/// quits).
extension AppState {
    private static let rememberedTabs: [Tab] = [.papers, .events, .transcripts]

    /// The config file's theme and split, which `:theme` and `:set
    /// layout.ratio` may change for this run and the next ones, as long as
    /// the file still says what it said when they did: a value changed in
    /// the file wins.
    public mutating func useConfigured(theme: String, listShare: Double) {
        self.theme = theme
        self.listShare = listShare
        fromFile = chosenInPlaceOfFile
    }

    /// The settings `:` changes, by their remembered names (the defaults
    /// until `useConfigured`).
    var chosenInPlaceOfFile: [String: String] { ["theme": theme, "layout.ratio": String(listShare)] }

    /// The settings to keep, by name.
    var remembered: [String: String] {
        var settings = ["tab": tab.title.lowercased(), "layout.detail": showsDetail ? "shown" : "hidden"]
        for tab in Tab.allCases where tab != .ladder {
            settings["sort." + tab.title.lowercased()] = sorts[tab]?.name ?? ""
        }
        for tab in Self.rememberedTabs {
            let listed = listing(in: tab)
            let row = lists[tab]?.selected ?? 0
            if listed.indices.contains(row) { settings["selected." + tab.title.lowercased()] = records[listed[row]].id }
        }
        // With what the file said then; an empty value forgets the choice.
        for (name, value) in chosenInPlaceOfFile {
            let chosen = value != fromFile[name]
            settings[name] = chosen ? value : ""
            settings[name + ".in-file"] = chosen ? fromFile[name] ?? "" : ""
        }
        return settings
    }

    /// Quitting the browser (not the pager alone): keep what it remembers.
    mutating func quit() {
        shouldQuit = true
        if !quitsWithLastOverlay { effects.append(.saveSettings(remembered)) }
    }

    /// Back where the last run left: its tab, and each tab's record selected
    /// (a record no longer there leaves the first selected). Call after
    /// `useConfigured`.
    public mutating func restore(_ settings: [String: String]) {
        if let name = settings["tab"], let saved = Tab.allCases.first(where: { $0.title.lowercased() == name }) { tab = saved }
        showsDetail = settings["layout.detail"] != "hidden"
        let file = fromFile
        let stillInFile = { (name: String) in settings[name + ".in-file"] == file[name] }
        if let chosen = settings["theme"], Self.themes.contains(chosen), chosen != theme, stillInFile("theme") {
            theme = chosen
            effects.append(.useTheme(chosen))
        }
        if let chosen = settings["layout.ratio"].flatMap(Double.init), Self.listShares.contains(chosen), stillInFile("layout.ratio") {
            listShare = chosen
        }
        for tab in Tab.allCases where tab != .ladder {
            sorts[tab] = settings["sort." + tab.title.lowercased()].flatMap(RecordSort.init)
        }
        refreshSorted()
        for tab in Self.rememberedTabs {
            guard let id = settings["selected." + tab.title.lowercased()],
                  let row = listing(in: tab).firstIndex(where: { records[$0].id == id }) else { continue }
            var list = lists[tab] ?? ListState()
            list.selected = row
            list.clamp(count: listing(in: tab).count, height: visibleRows(in: tab))
            lists[tab] = list
        }
    }
}
