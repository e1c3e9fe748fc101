/// Gregorian calendar arithmetic on sandbox time (UTC), for timestamps and monthly schedules.
public enum CivilCalendar {
    static let dayMillis: Int64 = 86_400_000

    /// `months` calendar months later, same time of day; a day the target month lacks becomes
    /// its last day (Jan 31 + 1 month = Feb 28 or 29).
    public static func adding(months: Int, to millis: Int64) -> Int64 {
        let days = Int(millis >= 0 ? millis / dayMillis : (millis - dayMillis + 1) / dayMillis)
        let timeOfDay = millis - Int64(days) * dayMillis
        let (year, month, day) = civil(fromDays: days)
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let newDay = min(day, daysIn(month: newMonth, year: newYear))
        return Int64(daysFromCivil(year: newYear, month: newMonth, day: newDay)) * dayMillis + timeOfDay
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's civil-from-days and days-from-civil algorithms.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
