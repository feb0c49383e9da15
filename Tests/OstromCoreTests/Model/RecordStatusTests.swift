import Testing
@testable import OstromCore

@Suite struct RecordStatusTests {
    private let day = PartialDate(year: 2026, month: 11, day: 22)

    private func event(start: LocalDateTime?, end: LocalDateTime?, date: PartialDate?) -> Record {
        var record = Record(kind: .event, title: "Talk")
        record.start = start
        record.end = end
        record.date = date
        return record
    }

    @Test func pastOrUpcomingByEndTimeThenDay() {
        let now = LocalDateTime(date: day, hour: 14, minute: 30)
        let earlier = event(start: LocalDateTime(date: day, hour: 13, minute: 0), end: LocalDateTime(date: day, hour: 14, minute: 0), date: day)
        let running = event(start: LocalDateTime(date: day, hour: 14, minute: 0), end: LocalDateTime(date: day, hour: 15, minute: 0), date: day)
        #expect(earlier.status(now: now) == .past)
        #expect(running.status(now: now) == .upcoming)
        #expect(event(start: nil, end: nil, date: day).status(now: now) == .upcoming)
        #expect(event(start: nil, end: nil, date: PartialDate(year: 2026, month: 11)).status(now: now) == .upcoming)
        #expect(event(start: nil, end: nil, date: PartialDate(year: 2026, month: 10)).status(now: now) == .past)
        #expect(event(start: nil, end: nil, date: nil).status(now: now) == nil)
        #expect(Record(kind: .paper, title: "x").status(now: now) == nil)
    }
}
