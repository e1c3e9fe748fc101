#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) for the `Date` header. Formatting happens
/// at most once per second: every response needs it and the text only changes per second.
public enum HTTPDate {
    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var second: time_t = -1
        var text = ""
    }

    private static let cache = Cache()

    public static func now() -> String {
        var seconds = time_t()
        time(&seconds)
        cache.lock.lock()
        defer { cache.lock.unlock() }
        if cache.second != seconds {
            cache.second = seconds
            cache.text = format(seconds)
        }
        return cache.text
    }

    public static func format(_ seconds: time_t) -> String {
        var value = seconds
        var parts = tm()
        gmtime_r(&value, &parts)
        let weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][Int(parts.tm_wday) % 7]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
            Int(parts.tm_mon) % 12]
        return "\(weekday), \(pad(parts.tm_mday)) \(month) \(parts.tm_year + 1900) "
            + "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec)) GMT"
    }

    private static func pad(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
