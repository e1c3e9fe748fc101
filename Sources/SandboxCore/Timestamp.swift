import StructuredData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sandbox time is milliseconds since the Unix epoch (UTC). These render it in the forms
/// the two APIs use, without Foundation's formatters on the hot path.
public enum Timestamp {
    /// `2025-01-10T14:30:00Z` (VPS.org, control plane).
    public static func iso8601(_ millis: Int64) -> String {
        let parts = components(millis)
        return "\(parts.date)T\(parts.time)Z"
    }

    /// `2022-07-13T15:35:48.000000Z` (Laravel's JSON form, reseller `scheduled`).
    public static func laravel(_ millis: Int64) -> String {
        let parts = components(millis)
        let micros = String(Int((millis % 1000 + 1000) % 1000) * 1000).zeroPadded(to: 6)
        return "\(parts.date)T\(parts.time).\(micros)Z"
    }

    /// `2021-02-22 18:50:33` (reseller incidents).
    public static func mysql(_ millis: Int64) -> String {
        let parts = components(millis)
        return "\(parts.date) \(parts.time)"
    }

    public static func unixSeconds(_ millis: Int64) -> Int64 { millis >= 0 ? millis / 1000 : (millis - 999) / 1000 }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff...][Z|±HH:MM]`; nil when it is not that.
    public static func parseISO8601(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + length] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 19, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 32,
            bytes[13] == 58, bytes[16] == 58,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), (1...CivilCalendar.daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60,
            second < 60
        else { return nil }
        var index = 19
        var millis = 0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                if digits < 3 { millis = millis * 10 + Int(bytes[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            // Fewer than three digits are tenths or hundredths; more are cut to milliseconds.
            if digits < 3 { for _ in digits..<3 { millis *= 10 } }
        }
        var offsetMinutes = 0
        if index < bytes.count {
            if bytes[index] == 90 && index == bytes.count - 1 {
                index += 1
            } else if (bytes[index] == 43 || bytes[index] == 45), let hours = number(index + 1, 2),
                index + 3 < bytes.count, bytes[index + 3] == 58, let minutes = number(index + 4, 2),
                index + 6 == bytes.count, hours < 24, minutes < 60
            {
                offsetMinutes = (hours * 60 + minutes) * (bytes[index] == 43 ? 1 : -1)
                index = bytes.count
            } else {
                return nil
            }
        }
        let days = CivilCalendar.daysFromCivil(year: year, month: month, day: day)
        let seconds = ((days * 24 + hour) * 60 + minute) * 60 + second - offsetMinutes * 60
        return Int64(seconds) * 1000 + Int64(millis)
    }

    private static func components(_ millis: Int64) -> (date: String, time: String) {
        var seconds = time_t(unixSeconds(millis))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let date = "\(String(Int(parts.tm_year) + 1900).zeroPadded(to: 4))-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))"
        let time = "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))"
        return (date, time)
    }

    private static func pad(_ value: Int32) -> String { String(value).zeroPadded(to: 2) }
}

/// The machine's real time, in milliseconds since the epoch.
public func realTimeMillis() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
}
