import Testing
@testable import OstromCore

@Suite struct TimeParsingTests {
    private func range(_ text: String) -> String? {
        guard let match = TimeParsing.firstTime(in: text) else { return nil }
        let format = { (time: TimeParsing.ClockTime) in
            (time.hour < 10 ? "0" : "") + "\(time.hour):" + (time.minute < 10 ? "0" : "") + "\(time.minute)"
        }
        return format(match.start) + (match.end.map { "–" + format($0) } ?? "")
    }

    @Test(arguments: [
        ("2-3pm", "14:00–15:00"), ("4-5.30pm", "16:00–17:30"), ("12:00 PM to 1:00 PM", "12:00–13:00"),
        ("2:30 PM to 4:00 PM", "14:30–16:00"), ("11am–1pm", "11:00–13:00"), ("11-1pm", "11:00–13:00"),
        ("12-1pm", "12:00–13:00"), ("14:00-15:30", "14:00–15:30"), ("10:00–12:30", "10:00–12:30"),
        ("9.30am - 12 noon", "09:30–12:00"), ("11am-1", "11:00–13:00"), ("2:30 PM", "14:30"),
        ("at 18:00", "18:00"), ("12am-1am", "00:00–01:00"), ("10 a.m. to 2 p.m.", "10:00–14:00"),
    ])
    func readsRangesAndTimes(text: String, expected: String) {
        #expect(range(text) == expected)
    }

    @Test(arguments: ["5-6", "Room 5136", "2016-05", "13pm-14pm", "pages 131-149"])
    func ignoresNumbersThatAreNotTimes(text: String) {
        #expect(range(text) == nil)
    }
}
