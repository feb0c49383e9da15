import Foundation
import Testing
@testable import OstromCore

@Suite struct LocalDateTimeTests {
    @Test func nowAgreesWithTheCalendar() {
        let now = LocalDateTime.now()
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour], from: Date())
        #expect(now.date == PartialDate(year: parts.year ?? 0, month: parts.month, day: parts.day))
        #expect(now.hour == parts.hour || (now.hour + 1) % 24 == parts.hour)
    }
}
