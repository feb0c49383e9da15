/// A record's place on the ladder: the user's, when they set one, else
/// the engine's suggestion; with the engine's evidence either way.
public struct RecordPlacement: Equatable, Sendable {
    public enum SetBy: String, Sendable {
        case suggested, user
    }

    public var choice: PlacementChoice
    public var setBy: SetBy
    public var analysis: PlacementAnalysis

    public init(analysis: PlacementAnalysis, user: PlacementChoice? = nil) {
        self.analysis = analysis
        choice = user ?? analysis.suggestion
        setBy = user == nil ? .suggested : .user
    }

    /// The chosen principles with their evidence (score 0 and none when
    /// the user chose one the text does not show).
    public var principles: [Finding] {
        choice.principles.map {
            analysis.finding(named: $0) ?? Finding(name: $0, score: 0, strongest: 0, sentenceCount: 0, evidence: [])
        }
    }

    /// The evidence behind a chosen stage, level or principle; 0 when none.
    public func score(of name: String) -> Int {
        analysis.finding(named: name)?.score ?? 0
    }
}
