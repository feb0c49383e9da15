import Foundation

extension LocalDateTime {
    /// The current local date and time, to the minute.
    public static func now(calendar: Calendar = .current, date: Date = Date()) -> LocalDateTime {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return LocalDateTime(date: PartialDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1),
                             hour: parts.hour ?? 0, minute: parts.minute ?? 0)
    }
}
