import OstromCore

/// What the browser remembers from one run to the next: the tab, each
/// tab's order, the record selected in each tab of records, and whether
/// the detail pane is shown (saved when it quits).
extension AppState {
    private static let rememberedTabs: [Tab] = [.papers, .events, .transcripts]

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
        return settings
    }

    /// Quitting the browser (not the pager alone): keep what it remembers.
    mutating func quit() {
        shouldQuit = true
        if !quitsWithLastOverlay { effects.append(.saveSettings(remembered)) }
    }

    /// Back where the last run left: its tab, and each tab's record selected
    /// (a record no longer there leaves the first selected).
    public mutating func restore(_ settings: [String: String]) {
        if let name = settings["tab"], let saved = Tab.allCases.first(where: { $0.title.lowercased() == name }) { tab = saved }
        showsDetail = settings["layout.detail"] != "hidden"
        for tab in Tab.allCases where tab != .ladder {
            sorts[tab] = settings["sort." + tab.title.lowercased()].flatMap(RecordSort.init)
        }
        refreshSorted()
        let height = layout.list.height
        for tab in Self.rememberedTabs {
            guard let id = settings["selected." + tab.title.lowercased()],
                  let row = listing(in: tab).firstIndex(where: { records[$0].id == id }) else { continue }
            var list = lists[tab] ?? ListState()
            list.selected = row
            list.clamp(count: listing(in: tab).count, height: height)
            lists[tab] = list
        }
    }
}
