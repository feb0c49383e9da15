import TerminalCanvas

/// Where the browse screen's parts go: the header row, the list and detail
/// panes (side by side from 120 columns, or 100 for a list without titles
/// such as the ladder's; stacked below that, so that a title gets the
/// width), the divider between them, and the status row; with the detail
/// pane hidden (`z`) the list has the whole body.
public struct BrowseLayout: Equatable {
    public static let sideBySideWidth = 120
    public static let sideBySideWidthWithoutTitles = 100
    static let minimumWidth = 20
    static let minimumHeight = 6

    let header: Rect
    let list: Rect
    let divider: Rect
    let detail: Rect
    let status: Rect
    let sideBySide: Bool
    let showsDetail: Bool

    init(width: Int, height: Int, showsDetail: Bool = true, listShare: Double = AppState.defaultListShare, listsTitles: Bool = true) {
        let (header, rest) = Rect(x: 0, y: 0, width: width, height: height).splitTop(1)
        let (body, status) = rest.splitBottom(1)
        self.header = header
        self.status = status
        self.showsDetail = showsDetail
        sideBySide = width >= (listsTitles ? Self.sideBySideWidth : Self.sideBySideWidthWithoutTitles)
        if !showsDetail {
            let nothing = Rect(x: body.maxX, y: body.y, width: 0, height: 0)
            (self.list, self.divider, self.detail) = (body, nothing, nothing)
        } else if sideBySide {
            let (list, right) = body.splitLeft(Int(Double(width) * listShare))
            let (divider, detail) = right.splitLeft(1)
            (self.list, self.divider, self.detail) = (list, divider, detail)
        } else {
            let (list, below) = body.splitTop(max(2, body.height * 2 / 5))
            let (divider, detail) = below.splitTop(1)
            (self.list, self.divider, self.detail) = (list, divider, detail)
        }
    }

    /// The width detail text wraps to: the pane less a column each side.
    var detailTextWidth: Int { max(1, detail.width - 2) }

    /// Whether the terminal is too small to lay anything out.
    static func isTooSmall(width: Int, height: Int) -> Bool {
        width < minimumWidth || height < minimumHeight
    }
}
