import Foundation
import Testing
@testable import OstromCore

/// A document's lines are split on its bytes as they were on its text
/// decoded whole (`Character.isNewline`): every line terminator, CR LF as
/// one, and ill-formed bytes next to them, in every order of three, and
/// every two at every place of the sixteen bytes passed at once.
@Suite struct SourceDocumentLinesTests {
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("é".utf8), Array("\u{301}".utf8), [], [0x0A], [0x0D], [0x0D, 0x0A], [0x0B], [0x0C],
        Array("\u{85}".utf8), Array("\u{2028}".utf8), Array("\u{2029}".utf8), [0xE2], [0xC2], [0xE2, 0x80], [0xFF], [0x80, 0xA8],
    ]

    @Test func linesAreThoseOfTheTextDecodedWhole() {
        for first in Self.pieces {
            for second in Self.pieces {
                for third in Self.pieces {
                    let bytes = first + second + third
                    let expected = String(decoding: bytes, as: UTF8.self)
                        .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
                    #expect(SourceDocument(path: "lines.txt", bytes: Data(bytes)).lines == expected, "\(bytes)")
                }
            }
        }
    }

    @Test func linesAreTheSameWhereverTheTerminatorsFall() {
        for first in Self.pieces {
            for second in Self.pieces {
                for offset in 0..<18 {
                    let bytes = Array(repeating: UInt8(ascii: "x"), count: offset) + first + second + Array(repeating: UInt8(ascii: "y"), count: 20)
                    let expected = String(decoding: bytes, as: UTF8.self)
                        .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
                    #expect(SourceDocument(path: "lines.txt", bytes: Data(bytes)).lines == expected, "\(bytes)")
                }
            }
        }
    }
}
