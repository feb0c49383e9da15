import OstromCore
import TerminalCanvas

/// Renders the whole screen from the state: a pure function into a new
/// grid, drawn in full every frame (the backend diffs it).
public enum FrameComposer {
    public static func compose(_ state: AppState) -> CellGrid {
        var grid = CellGrid(width: state.size.width, height: state.size.height)
        if BrowseLayout.isTooSmall(width: grid.width, height: grid.height) {
            if grid.height > 0 { grid.put("terminal too small", x: 0, y: 0, role: .error, limit: grid.width) }
            return grid
        }
        switch state.overlays.last {
        case .pager(let pager)?: PagerView.draw(pager, into: &grid, keyMap: state.keyMap, message: state.message)
        case .help(let offset, let screen)?:
            HelpView.draw(offset: offset, from: screen, into: &grid, keyMap: state.keyMap, find: state.helpFind,
                          prompt: state.prompt?.purpose == .helpFind ? state.prompt : nil)
        case .placement(let editor)?: PlacementEditorView.draw(editor, into: &grid)
        case nil: BrowseView.draw(state, into: &grid)
        }
        return grid
    }
}
