import OstromCore
import TerminalCanvas

/// `p`: the form that sets a record's place on the ladder — one stage,
/// one level (or none), any principles — over the suggestion.
public struct PlacementEditor: Sendable {
    public enum Row: Equatable, Sendable {
        case heading(String)
        case stage(String?)
        case level(String?)
        case principle(String)
    }

    public let recordID: String
    public let placement: RecordPlacement
    public var choice: PlacementChoice
    public let rows: [Row]
    public var cursor: Int

    init(recordID: String, placement: RecordPlacement, names: PlacementNames) {
        self.recordID = recordID
        self.placement = placement
        choice = placement.choice
        // Stages top (doing with) to bottom, as the ladder draws them.
        let stages: [String?] = [nil] + names.all(.stage).reversed()
        let levels: [String?] = [nil] + names.all(.level)
        var rows: [Row] = [.heading("Stage")] + stages.map(Row.stage)
        rows += [.heading("Level")] + levels.map(Row.level)
        rows += [.heading("Principles")] + names.all(.principle).map(Row.principle)
        self.rows = rows
        cursor = rows.firstIndex { if case .stage(let stage) = $0 { stage == placement.choice.stage } else { false } } ?? 1
    }

    public func isChosen(_ row: Row) -> Bool {
        switch row {
        case .heading: false
        case .stage(let stage): choice.stage == stage
        case .level(let level): choice.level == level
        case .principle(let name): choice.principles.contains(name)
        }
    }

    /// What the keys do to the form; the state handles save and cancel.
    enum Outcome {
        case stay, save, useSuggestion, cancel
    }

    mutating func handle(_ key: KeyPress) -> Outcome {
        switch key {
        case .character("j"), .down: move(1)
        case .character("k"), .up: move(-1)
        case .character("g"), .home: cursor = 0; move(1)
        case .character("G"), .end: cursor = rows.count - 1
        case .character(" "), .character("x"): toggle()
        case .enter, .character("s"): return .save
        case .character("r"): return .useSuggestion
        case .escape, .character("q"), .control("c"), .control("g"): return .cancel
        default: break
        }
        return .stay
    }

    private mutating func move(_ step: Int) {
        var next = cursor + step
        while rows.indices.contains(next), case .heading = rows[next] { next += step }
        if rows.indices.contains(next) { cursor = next }
    }

    private mutating func toggle() {
        switch rows[cursor] {
        case .heading: break
        case .stage(let stage): choice.stage = stage
        case .level(let level): choice.level = level
        case .principle(let name):
            if choice.principles.contains(name) {
                choice.principles.removeAll { $0 == name }
            } else {
                // Kept in the ladder's order.
                let order = rows.compactMap { if case .principle(let principle) = $0 { principle } else { nil } }
                choice.principles = order.filter { $0 == name || choice.principles.contains($0) }
            }
        }
    }
}

extension AppState {
    /// `p` on a record: the placement form over the browse screen.
    mutating func editPlacement() {
        guard screenKind == .browse, tab != .ladder, let index = selectedRecordIndex else { return }
        overlays.append(.placement(PlacementEditor(recordID: records[index].id, placement: placement(ofRecordAt: index), names: placementNames)))
    }

    /// Keys in the form; Enter saves the place as the user's, `r` goes back
    /// to the suggestion, Esc leaves it as it was.
    mutating func handlePlacementKey(_ key: KeyPress, editor: PlacementEditor) {
        var editor = editor
        let outcome = editor.handle(key)
        switch outcome {
        case .stay:
            overlays[overlays.count - 1] = .placement(editor)
            return
        case .cancel:
            message = "placement unchanged"
        case .save:
            if editor.placement.setBy == .suggested && editor.choice == editor.placement.choice {
                message = "placement unchanged (still the suggestion)"
            } else {
                change(.placement(editor.recordID, editor.choice))
                message = "placed \(editor.recordID): " + editor.choice.summary + " (set by you; u undoes)"
            }
        case .useSuggestion:
            if editor.placement.setBy == .user {
                change(.placement(editor.recordID, nil))
                message = "\(editor.recordID) is back to the suggested place: " + editor.placement.analysis.suggestion.summary
            } else {
                message = "placement unchanged (it is the suggestion)"
            }
        }
        overlays.removeLast()
    }
}
