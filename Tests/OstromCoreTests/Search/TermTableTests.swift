import Testing
@testable import OstromCore

/// The vocabulary's lookups compare a term's bytes in place, eight or four
/// at a time: every length, and a difference in every place, must count.
@Suite struct TermTableTests {
    @Test func termsOfEveryLengthDifferingInOneByteAreTold() {
        for length in 0...40 {
            let term = (0..<length).map { UInt8(0x61 + $0 % 26) }
            term.withUnsafeBytes { one in
                var copy = term
                copy.withUnsafeBytes { other in
                    #expect(TermTable.same(one.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, other.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, length),
                            "length \(length)")
                }
                for place in 0..<length {
                    copy = term
                    copy[place] ^= 0x01
                    copy.withUnsafeBytes { other in
                        #expect(!TermTable.same(one.baseAddress!, other.baseAddress!, length), "length \(length), byte \(place)")
                    }
                }
            }
        }
    }

    @Test func eachTermKeepsItsOwnIdAmongNeighboursOneByteApart() {
        var table = TermTable(capacity: 4)
        var terms: [[UInt8]] = []
        for length in 1...24 {
            let base = (0..<length).map { UInt8(0x30 + $0 % 10) }
            terms.append(base)
            for place in 0..<length {
                var neighbour = base
                neighbour[place] = 0x7A
                terms.append(neighbour)
            }
        }
        let ids = terms.map { term in term.withUnsafeBufferPointer { table.insert($0) } }
        #expect(Set(ids).count == Set(terms).count)
        for (term, id) in zip(terms, ids) {
            #expect(table.id(of: term) == id)
            #expect(Array(table.bytes(of: id)) == term)
        }
        #expect(table.id(of: Array("not there".utf8)) == nil)
    }
}
