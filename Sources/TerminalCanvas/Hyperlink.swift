/// A web address attached to a run of cells, which a terminal that knows
/// OSC 8 makes clickable. Only a plain http(s) address is ever kept: its
/// bytes go to the terminal inside an escape sequence.
public struct Hyperlink: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var url: String

    /// `nil` unless `url` is http(s) and printable ASCII without spaces.
    public init?(url: String, x: Int, y: Int, width: Int) {
        guard width > 0, url.hasPrefix("https://") || url.hasPrefix("http://"),
              url.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        self.url = url
        self.x = x
        self.y = y
        self.width = width
    }
}

extension CellGrid {
    /// Attaches a link to cells already written (clipped to the grid).
    public mutating func addLink(_ url: String, x: Int, y: Int, width: Int) {
        let start = max(0, x)
        let end = min(self.width, x + width)
        guard y >= 0, y < height, let link = Hyperlink(url: url, x: start, y: y, width: end - start) else { return }
        links.append(link)
    }
}
