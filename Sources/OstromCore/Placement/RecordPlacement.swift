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

/// What listings and filters need of a record's analysis: the engine's
/// suggestion and the score of each stage, level and principle with
/// evidence. A few shared names and numbers, where the analysis keeps
/// its sentences: the placement cache keeps this for every record, and
/// makes the analysis again when a record's evidence is shown.
public struct PlacementSummary: Equatable, Sendable {
    public var suggestion: PlacementChoice
    /// The names with evidence and their scores, in the lexicon's order.
    private var scores: [NamedScore]

    private struct NamedScore: Equatable, Sendable {
        var name: String
        var score: Int
    }

    init(suggestion: PlacementChoice, scores: [PlacementDecision.Scored]) {
        self.suggestion = suggestion
        self.scores = scores.map { NamedScore(name: $0.name, score: $0.score) }
    }

    /// A summary read back (`PlacementFile`): the scores of the names with
    /// evidence, in the lexicon's order.
    public init(suggestion: PlacementChoice, scores: [(name: String, score: Int)]) {
        self.suggestion = suggestion
        self.scores = scores.map { NamedScore(name: $0.name, score: $0.score) }
    }

    /// The place: the user's choice when they made one, else the suggestion.
    public func choice(user: PlacementChoice?) -> PlacementChoice {
        user ?? suggestion
    }

    /// The evidence behind a stage, level or principle; 0 when none.
    public func score(of name: String) -> Int {
        scores.first { $0.name == name }?.score ?? 0
    }
}
