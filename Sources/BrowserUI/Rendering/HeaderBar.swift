import TerminalCanvas

/// The top row: the tabs, each with its digit, and the program's name.
enum HeaderBar {
    /// The tabs' labels and the columns they take.
    static func tabs() -> [(tab: Tab, label: String, x: Int)] {
        var x = 1
        return Tab.allCases.map { tab in
            let label = " \(tab.rawValue + 1) \(tab.title) "
            defer { x += label.count + 1 }
            return (tab, label, x)
        }
    }

    static func tab(atColumn column: Int) -> Tab? {
        tabs().first { column >= $0.x && column < $0.x + $0.label.count }?.tab
    }

    static func draw(into grid: inout CellGrid, area: Rect, active: Tab?) {
        grid.fill(area, role: .header)
        for (tab, label, x) in tabs() {
            grid.put(label, x: area.x + x, y: area.y, role: tab == active ? .tabActive : .tabInactive, limit: max(0, area.width - x))
        }
        let name = "ostrom "
        let nameX = area.maxX - name.count
        if let last = tabs().last, nameX > last.x + last.label.count + 1 {
            grid.put(name, x: nameX, y: area.y, role: .header)
        }
    }
}
