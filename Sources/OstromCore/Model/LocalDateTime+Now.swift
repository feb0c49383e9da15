import Foundation

extension LocalDateTime {
    /// The current local date and time, to the minute. Read with
    /// `localtime_r` rather than `Calendar`, whose first use loads ICU's
    /// time-zone data (some 10 ms of start-up).
    public static func now() -> LocalDateTime {
        var seconds = time(nil)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return LocalDateTime(date: PartialDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)),
                             hour: Int(parts.tm_hour), minute: Int(parts.tm_min))
    }
}
