import Foundation

/// Suggests where a text sits on the ladder from the lexicon's words: a
/// stage and a level where the evidence supports one, and the principles
/// it shows, each with its score and evidence sentences. Too little
/// evidence, or a tie, leaves it "not placed".
///
/// The text is read as UTF-8 bytes; its words are looked up once in the
/// lexicon's vocabulary and matched as numbers (`SentenceMatcher`). A
/// sentence becomes a `String` only when it is among the evidence kept.
public struct PlacementEngine: Sendable {
    public static let evidenceLimit = 5

    public let lexicon: PlacementLexicon
    private let matcher: SentenceMatcher
    private let decision: PlacementDecision

    /// The engine of the built-in lexicon, built once a run: on first
    /// use, or ahead of it on another thread (`prepareBuiltIn`).
    public static let builtIn = PlacementEngine()

    /// Starts building `builtIn` on another thread: the browser's first
    /// screen places its first record, and building the engine (some
    /// milliseconds) then overlaps opening the library and the terminal.
    public static func prepareBuiltIn() {
        Thread.detachNewThread { _ = builtIn }
    }

    public init(lexicon: PlacementLexicon = .builtIn()) {
        self.lexicon = lexicon
        matcher = SentenceMatcher(lexicon: lexicon)
        decision = PlacementDecision(placeAt: lexicon.placeAt)
    }

    /// Every stage, level and principle, in the lexicon's order.
    public var categoryNames: [String] { matcher.categories.map(\.name) }

    /// What placements kept in a file must have been made by: this
    /// lexicon, read by this engine (`engineVersion`, raised whenever the
    /// engine would place a text otherwise).
    public var lexiconStamp: UInt64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ Self.engineVersion
        for byte in (try? encoder.encode(lexicon)) ?? Data() { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    static let engineVersion: UInt64 = 1

    /// The analysis of a record's title, keywords, abstract and text (not a
    /// speaker's biography, which is about the speaker, not the case).
    /// `Analyses` makes many, faster.
    public func analyse(_ record: Record) -> PlacementAnalysis {
        var analyses = Analyses(engine: self)
        return analyses.analysis(of: record)
    }

    /// Analyses of records made one after another (on one thread), each
    /// text's buffers kept for the next instead of being made anew for
    /// every record (as `Summaries`): the evidence alone is new.
    public struct Analyses: ~Copyable {
        private let engine: PlacementEngine
        private var collector: EvidenceCollector
        private var keywords: [UInt8] = []
        private var scored: [PlacementDecision.Scored] = []

        public init(engine: PlacementEngine) {
            self.engine = engine
            collector = EvidenceCollector(matcher: engine.matcher, keepingEvidence: true)
        }

        public mutating func analysis(of record: Record) -> PlacementAnalysis {
            PlacementEngine.read(record, into: &collector, keywords: &keywords)
            return engine.analysis(of: collector, scored: &scored)
        }
    }

    public func analyse(_ text: String) -> PlacementAnalysis {
        var collector = EvidenceCollector(matcher: matcher, keepingEvidence: true)
        Sentences.forEach(in: text, &collector)
        var scored: [PlacementDecision.Scored] = []
        return analysis(of: collector, scored: &scored)
    }

    /// A record's summary: its analysis without the evidence sentences,
    /// which are not made (listings need only the scores and the suggestion).
    /// `Summaries` makes many, faster.
    public func summary(of record: Record) -> PlacementSummary {
        var summaries = Summaries(engine: self)
        return summaries.summary(of: record)
    }

    /// Summaries of records made one after another (on one thread), each
    /// text's buffers (its words, matches and scores) kept for the next
    /// instead of being made anew for every record.
    public struct Summaries: ~Copyable {
        private let matcher: SentenceMatcher
        private let decision: PlacementDecision
        private var collector: EvidenceCollector
        /// The keywords' bytes as one paragraph, their memory kept.
        private var keywords: [UInt8] = []
        private var scored: [PlacementDecision.Scored] = []

        public init(engine: PlacementEngine) {
            matcher = engine.matcher
            decision = engine.decision
            collector = EvidenceCollector(matcher: engine.matcher, keepingEvidence: false)
        }

        /// Made from the scores alone: no finding, evidence or sentence.
        public mutating func summary(of record: Record) -> PlacementSummary {
            PlacementEngine.read(record, into: &collector, keywords: &keywords)
            collector.scored(into: &scored)
            return PlacementSummary(suggestion: decision.decide(scored).suggestion, scores: scored)
        }
    }

    /// The record's parts are read one after another, as paragraphs of
    /// their own (as if written with a blank line between them), with
    /// the keywords as one paragraph (joined by "; " in `keywords`).
    private static func read(_ record: Record, into collector: inout EvidenceCollector, keywords: inout [UInt8]) {
        collector.reset()
        Sentences.forEach(in: record.title, &collector)
        if !record.keywords.isEmpty {
            // Joined as bytes: appending to a `String` costs more.
            keywords.removeAll(keepingCapacity: true)
            for (index, keyword) in record.keywords.enumerated() {
                if index > 0 { keywords += "; ".utf8 }
                keywords += keyword.utf8
            }
            Sentences.forEach(in: String(decoding: keywords, as: UTF8.self), &collector)
        }
        if let abstract = record.abstract { Sentences.forEach(in: abstract, &collector) }
        if let body = record.body { Sentences.forEach(in: body, &collector) }
    }

    /// (`scored` is a buffer kept from one analysis to the next.)
    private func analysis(of collector: borrowing EvidenceCollector, scored: inout [PlacementDecision.Scored]) -> PlacementAnalysis {
        collector.scored(into: &scored)
        // The categories with evidence are those scored: room for each kind's made once.
        var stages: [Finding] = [], levels: [Finding] = [], principles: [Finding] = []
        stages.reserveCapacity(scored.count { $0.kind == .stage })
        levels.reserveCapacity(scored.count { $0.kind == .level })
        principles.reserveCapacity(scored.count { $0.kind == .principle })
        let categories = matcher.categories
        collector.forEachFinding { category, finding in
            switch categories[category].kind {
            case .stage: stages.append(finding)
            case .level: levels.append(finding)
            case .principle: principles.append(finding)
            }
        }
        let (stageVerdict, levelVerdict, suggestion) = decision.decide(scored)
        return PlacementAnalysis(stages: stages, levels: levels, principles: principles, stageVerdict: stageVerdict, levelVerdict: levelVerdict,
                                 suggestion: suggestion)
    }
}
