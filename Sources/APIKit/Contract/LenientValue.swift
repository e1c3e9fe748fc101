import SandboxCore
import StructuredData

/// The readings Laravel and Django backends allow, in one place: `"2"` is 2, `1`/`"on"` is true.
public enum LenientValue {
    public static func int(_ value: JSONValue) -> Int? {
        switch value {
        case .int(let number): return Int(exactly: number)
        case .double(let number) where number.rounded() == number && abs(number) < 1e15: return Int(number)
        case .string(let text): return Int(text.trimmedWhitespace())
        case .bool(let flag): return flag ? 1 : 0
        default: return nil
        }
    }

    public static func string(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        default: return nil
        }
    }

    public static func double(_ value: JSONValue) -> Double? {
        if let number = value.doubleValue, number.isFinite { return number }
        if case .string(let text) = value, let number = Double(String(text.trimmedWhitespace())), number.isFinite { return number }
        return nil
    }

    public static func bool(_ value: JSONValue) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .int(let number) where number == 0 || number == 1: return number == 1
        case .string(let text):
            switch text.lowercased().trimmedWhitespace() {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default: return nil
            }
        default: return nil
        }
    }
}
