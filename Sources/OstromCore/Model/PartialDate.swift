/// A calendar date known to the year, the month or the day.
public struct PartialDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// ISO 8601: "YYYY", "YYYY-MM" or "YYYY-MM-DD".
    /// 0 for a year, 1 for a month, 2 for a day.
    public var precision: Int { month == nil ? 0 : day == nil ? 1 : 2 }

    public var description: String {
        var text = String(year)
        if let month {
            text += "-" + Self.twoDigits(month)
            if let day { text += "-" + Self.twoDigits(day) }
        }
        return text
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}

/// A local date and time to the minute, as events give them.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: PartialDate
    public var hour: Int
    public var minute: Int

    public init(date: PartialDate, hour: Int, minute: Int) {
        self.date = date
        self.hour = hour
        self.minute = minute
    }

    /// "YYYY-MM-DDTHH:MM".
    public var description: String {
        "\(date)T\(PartialDate.twoDigits(hour)):\(PartialDate.twoDigits(minute))"
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.hour, lhs.minute) < (rhs.date, rhs.hour, rhs.minute)
    }
}
