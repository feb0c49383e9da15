import Foundation

/// The co-production ladder as the nef transcript (seed 003) describes it:
/// definitions, the three stages bottom to top, the three types, the six
/// principles, what co-production is not, the stories, and the public
/// service matrix. Quoted fields (`description`, `text`, `reason`) are
/// verbatim from the transcript; `lines` says where.
public struct LadderModel: Codable, Sendable, Equatable {
    public var source: Source
    public var definitions: [Item]
    /// Bottom to top: doing to, doing for, doing with.
    public var stages: [Item]
    public var types: [Item]
    public var principles: [Item]
    public var notCoProduction: [Item]
    public var stories: [Story]
    public var matrix: Matrix

    /// Which transcript the passages come from.
    public struct Source: Codable, Sendable, Equatable {
        public var record: String
        public var file: String
        public var note: String
    }

    /// A named passage of the transcript.
    public struct Item: Codable, Sendable, Equatable {
        public var name: String
        /// The transcript's own heading for the item, verbatim.
        public var heading: String?
        /// Our words, not the transcript's.
        public var summary: String?
        public var keywords: [String]?
        public var description: String?
        public var text: String?
        public var reason: String?
        /// First and last line of the quoted passage, 1-based.
        public var lines: [Int]

        /// The verbatim passage, whichever field holds it.
        public var passage: String { description ?? text ?? reason ?? "" }
    }

    /// One of the transcript's stories of co-production.
    public struct Story: Codable, Sendable, Equatable {
        public var name: String
        public var heading: String
        public var text: String
        public var lines: [Int]
        /// The "Why is this co-production?" passages, each with the
        /// principles it names.
        public var why: [Reason]
        /// Every principle the reasons name, in the principles' order.
        public var principles: [String]
    }

    public struct Reason: Codable, Sendable, Equatable {
        public var text: String
        public var lines: [Int]
        public var principles: [String]
    }

    /// Who plans/designs × who delivers. The transcript names the axes; the
    /// cells are labelled after Bovaird (2007).
    public struct Matrix: Codable, Sendable, Equatable {
        public var rowAxis: Quote
        public var columnAxis: Quote
        public var rows: [String]
        public var columns: [String]
        public var cells: [[String]]
        public var source: String
    }

    public struct Quote: Codable, Sendable, Equatable {
        public var text: String
        public var lines: [Int]
    }

    /// The model shipped in the binary (`Resources/ladder.json`, compiled
    /// in as `BuiltInModels`).
    public static func builtIn() -> LadderModel {
        BuiltInModels.ladder
    }
}
