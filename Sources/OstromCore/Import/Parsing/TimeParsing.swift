/// Finds times and time ranges as events write them, in 12- or 24-hour
/// form: `2-3pm`, `4-5.30pm`, `12:00 PM to 1:00 PM`, `11am–1pm`,
/// `14:00-15:30`, `2:30 PM`.
public enum TimeParsing {
    /// A time of day.
    public struct ClockTime: Hashable, Sendable {
        public var hour: Int
        public var minute: Int
    }

    /// A start time and, when given, an end time.
    public struct Match: Sendable {
        public var start: ClockTime
        public var end: ClockTime?
        public var range: Range<String.Index>
    }

    private static let clock = #"(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])\.?\s?m\b\.?|(noon))?"#
    private nonisolated(unsafe) static let rangeRegex = try! Regex(#"\b"# + clock + #"\s*(?:-|–|—|to|until|till|bis)\s*"# + clock).ignoresCase()
    private nonisolated(unsafe) static let singleRegex = try! Regex(#"\b(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])\.?\s?m\b\.?)|\b(\d{1,2}):(\d{2})\b|\b(noon|midday)\b"#).ignoresCase()

    /// The first time range in `text`, else the first single time.
    public static func firstTime(in text: String) -> Match? {
        for match in text.matches(of: rangeRegex) {
            let groups = (1..<match.output.count).map { match.output[$0].substring.map(String.init) }
            if let (start, end) = resolveRange(groups) {
                return Match(start: start, end: end, range: match.range)
            }
        }
        for match in text.matches(of: singleRegex) {
            let groups = (1..<match.output.count).map { match.output[$0].substring.map(String.init) }
            if groups[5] != nil { return Match(start: ClockTime(hour: 12, minute: 0), end: nil, range: match.range) }
            let hour = groups[0] ?? groups[3]
            let minute = groups[1] ?? groups[4]
            if let time = clockTime(hour: hour, minute: minute, meridiem: groups[2]) {
                return Match(start: time, end: nil, range: match.range)
            }
        }
        return nil
    }

    /// Groups: h1 m1 ampm1 noon1 h2 m2 ampm2 noon2. A bare `5-6` is not a
    /// time: one side needs a meridiem or both sides minutes.
    private static func resolveRange(_ groups: [String?]) -> (ClockTime, ClockTime)? {
        let startMeridiem = groups[3] != nil ? "p" : groups[2]?.lowercased()
        let endMeridiem = groups[7] != nil ? "p" : groups[6]?.lowercased()
        guard startMeridiem != nil || endMeridiem != nil || (groups[1] != nil && groups[5] != nil) else { return nil }
        guard var end = clockTime(hour: groups[4], minute: groups[5], meridiem: endMeridiem ?? startMeridiem) else { return nil }
        if let startMeridiem {
            guard let start = clockTime(hour: groups[0], minute: groups[1], meridiem: startMeridiem) else { return nil }
            // `11am-1`: an end without meridiem before the start is in the afternoon.
            if endMeridiem == nil && (end.hour, end.minute) < (start.hour, start.minute) && end.hour < 12 {
                end.hour += 12
            }
            return (start, end)
        }
        // Start without meridiem: it shares the end's unless that puts it after the end (`11-1pm`).
        guard let plain = clockTime(hour: groups[0], minute: groups[1], meridiem: nil) else { return nil }
        if let endMeridiem, let shared = clockTime(hour: groups[0], minute: groups[1], meridiem: endMeridiem),
           (shared.hour, shared.minute) <= (end.hour, end.minute) {
            return (shared, end)
        }
        return (plain, end)
    }

    private static func clockTime(hour: String?, minute: String?, meridiem: String?) -> ClockTime? {
        guard var hour = hour.flatMap({ Int($0) }) else { return nil }
        let minute = minute.flatMap { Int($0) } ?? 0
        guard minute < 60 else { return nil }
        switch meridiem?.lowercased() {
        case "a":
            guard (1...12).contains(hour) else { return nil }
            if hour == 12 { hour = 0 }
        case "p":
            guard (1...12).contains(hour) else { return nil }
            if hour < 12 { hour += 12 }
        default:
            guard hour <= 24 else { return nil }
        }
        return ClockTime(hour: hour, minute: minute)
    }
}
