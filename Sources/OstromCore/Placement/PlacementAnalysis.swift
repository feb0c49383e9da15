/// What the placement engine found in a text: for each stage, level and
/// principle with any evidence, its score and the sentences that are the
/// evidence, their matched words marked.
public struct PlacementAnalysis: Equatable, Sendable {
    /// In the ladder's order: doing to, for, with.
    public var stages: [Finding]
    public var levels: [Finding]
    public var principles: [Finding]
    /// Whether a stage is suggested, and if not, why not; likewise a level.
    public var stageVerdict: Verdict
    public var levelVerdict: Verdict
    /// The engine's suggestion from these findings.
    public var suggestion: PlacementChoice

    public static let empty = PlacementAnalysis(stages: [], levels: [], principles: [], stageVerdict: .noEvidence,
                                                levelVerdict: .noEvidence, suggestion: PlacementChoice())

    /// The finding for a stage, level or principle by name, if it has evidence.
    public func finding(named name: String) -> Finding? {
        (stages + levels + principles).first { $0.name == name }
    }
}

/// The engine's decision on a stage or a level.
public enum Verdict: Equatable, Sendable, CustomStringConvertible {
    case placed(String)
    case noEvidence
    /// The best one falls short of `needed`, or has only weak words.
    case tooLittle(best: String, score: Int, needed: Int)
    case tie(String, String, score: Int)

    public var name: String? {
        if case .placed(let name) = self { return name }
        return nil
    }

    /// Why nothing was placed (the name when something was).
    public var description: String {
        switch self {
        case .placed(let name): name
        case .noEvidence: "no evidence"
        case .tooLittle(let best, let score, let needed): "too little evidence (best: \(best), \(score); needs \(needed) with a strong or medium term)"
        case .tie(let first, let second, let score): "\(first) and \(second) tie at \(score)"
        }
    }
}

/// One stage, level or principle's evidence in a text.
public struct Finding: Equatable, Sendable {
    public var name: String
    /// The weights of every counted match, summed over the sentences.
    public var score: Int
    /// The weight of the strongest match (3 strong, 2 medium, 1 weak).
    public var strongest: Int
    /// How many sentences hold evidence.
    public var sentenceCount: Int
    /// The best sentences, best first (at most `PlacementEngine.evidenceLimit`).
    public var evidence: [Evidence]
}

/// A sentence that is evidence, with the words that matched.
///
/// A text's evidence shares its storage (`EvidenceText`): the sentences'
/// bytes side by side, and their marks, so that an analysis makes one
/// object where it made a string and an array for each sentence; a
/// sentence is made a `String` when it is read.
public struct Evidence: Equatable, Sendable {
    private let text: EvidenceText
    /// This one's bytes and marks in the text's.
    private let sentenceRange: Range<Int>
    private let markRange: Range<Int>
    public let score: Int

    init(text: EvidenceText, sentenceRange: Range<Int>, score: Int, markRange: Range<Int>) {
        self.text = text
        self.sentenceRange = sentenceRange
        self.score = score
        self.markRange = markRange
    }

    public var sentence: String { String(decoding: text.sentences[sentenceRange], as: UTF8.self) }

    /// Character offsets of the matched words in `sentence`, in order.
    public var marks: [Range<Int>] { Array(text.marks[markRange]) }

    public static func == (left: Evidence, right: Evidence) -> Bool {
        left.score == right.score && left.text.sentences[left.sentenceRange] == right.text.sentences[right.sentenceRange]
            && left.text.marks[left.markRange] == right.text.marks[right.markRange]
    }

    /// The sentence with each match in «guillemets», for plain text.
    public var marked: String {
        var result = ""
        var offset = 0
        var marks = self.marks[...]
        for character in sentence {
            if let mark = marks.first, mark.lowerBound == offset { result += "«" }
            result.append(character)
            offset += 1
            if let mark = marks.first, mark.upperBound == offset {
                result += "»"
                marks = marks.dropFirst()
            }
        }
        return result
    }

    /// The matched words themselves.
    public var terms: [String] {
        let characters = Array(sentence)
        return marks.map { String(characters[$0.clamped(to: 0..<characters.count)]) }
    }
}

/// The bytes of the sentences of a text's evidence, side by side, and
/// their marks (in characters from each sentence's start): one object
/// that every evidence of the text holds.
final class EvidenceText: Sendable {
    let sentences: [UInt8]
    let marks: [Range<Int>]

    init(sentences: [UInt8], marks: [Range<Int>]) {
        self.sentences = sentences
        self.marks = marks
    }
}

/// A place on the ladder: a stage, a level, principles. `nil` is "not placed".
public struct PlacementChoice: Equatable, Sendable {
    public var stage: String?
    public var level: String?
    public var principles: [String]

    public init(stage: String? = nil, level: String? = nil, principles: [String] = []) {
        self.stage = stage
        self.level = level
        self.principles = principles
    }

    public var isEmpty: Bool { stage == nil && level == nil && principles.isEmpty }

    /// "Doing with; no level; Peer support, Blurring distinctions".
    public var summary: String {
        ([stage ?? "no stage", level ?? "no level"] + (principles.isEmpty ? [] : [principles.joined(separator: ", ")])).joined(separator: "; ")
    }
}
