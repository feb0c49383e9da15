import Foundation
import Testing
@testable import OstromCore

@Suite struct ProcessEnvironmentTests {
    /// `entries` as a C environment block, given to `body`.
    private func withBlock<Result>(_ entries: [[UInt8]], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Result) -> Result {
        var pointers: [UnsafeMutablePointer<CChar>?] = entries.map { bytes in
            let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (index, byte) in bytes.enumerated() { pointer[index] = CChar(bitPattern: byte) }
            pointer[bytes.count] = 0
            return pointer
        } + [nil]
        defer { pointers.forEach { $0?.deallocate() } }
        return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }

    @Test func namesAndValuesAreSplitAtTheFirstEqualsSign() {
        let variables = withBlock([Array("TERM=xterm-256color".utf8), Array("EMPTY=".utf8), Array("OPTIONS=a=b".utf8)]) {
            ProcessEnvironment.read($0)
        }
        #expect(variables == ["TERM": "xterm-256color", "EMPTY": "", "OPTIONS": "a=b"])
    }

    @Test func theFirstOfANameWinsAsWithGetenv() {
        let variables = withBlock([Array("HOME=/first".utf8), Array("HOME=/second".utf8)]) { ProcessEnvironment.read($0) }
        #expect(variables == ["HOME": "/first"])
    }

    @Test func anEntryWithoutEqualsSignIsSkippedAndBadUTF8Repaired() {
        let variables = withBlock([Array("JUNK".utf8), Array("NAME=caf".utf8) + [0xE9]]) { ProcessEnvironment.read($0) }
        #expect(variables == ["NAME": "caf\u{FFFD}"])
    }

    @Test func noBlockIsNoVariables() {
        #expect(ProcessEnvironment.read(nil).isEmpty)
    }

    @Test func theProcessVariablesAreThoseFoundationReads() {
        #expect(ProcessEnvironment.variables == ProcessInfo.processInfo.environment)
    }
}
