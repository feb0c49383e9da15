import Foundation

/// Stars, tags and notes by record id. Changes made here are kept as
/// pending until the library saves them, each on top of what is stored
/// then, so two running instances lose nothing; `undo` reverses the last
/// change made here.
public struct Annotations: Equatable, Sendable {

    public private(set) var byRecord: [String: Annotation]
    /// Changes made here and not saved yet.
    public private(set) var pending: [AnnotationChange] = []
    private var undoStack: [AnnotationChange] = []

    public init(byRecord: [String: Annotation] = [:]) {
        self.byRecord = byRecord
    }

    public subscript(id: String) -> Annotation { byRecord[id] ?? Annotation() }

    public mutating func apply(_ change: AnnotationChange) {
        undoStack.append(change.inverse(in: byRecord))
        change.apply(to: &byRecord)
        pending.append(change)
    }

    /// Reverses the last change; returns it (the change that undid it).
    public mutating func undo() -> AnnotationChange? {
        guard let inverse = undoStack.popLast() else { return nil }
        inverse.apply(to: &byRecord)
        pending.append(inverse)
        return inverse
    }

    /// After a save: what the store holds now (other instances' changes
    /// included), with nothing pending.
    public mutating func markSaved(_ current: [String: Annotation]) {
        byRecord = current
        pending.removeAll()
    }
}
