import StructuredData

/// Request fields read the way a Laravel or Django backend reads them: `"2"` is 2,
/// `1`/`0`/`"true"`/`"off"` are booleans, unknown extra fields are ignored. A value that
/// cannot be read as the asked type is a `DomainError.invalid` naming the field.
public struct InputFields: Sendable {
    public let object: JSONObject

    public init(_ object: JSONObject) { self.object = object }

    /// Present and not null (an empty string counts as absent, as in Laravel forms).
    public func has(_ key: String) -> Bool {
        switch object[key] {
        case nil, .null?: return false
        case .string(let text)?: return !text.isEmpty
        default: return true
        }
    }

    public func string(_ key: String) throws -> String? {
        guard has(key), let value = object[key] else { return nil }
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        default: throw DomainError.invalid(key, "\(key) must be a string")
        }
    }

    public func requiredString(_ key: String) throws -> String {
        guard let text = try string(key) else { throw DomainError.invalid(key, "\(key) is required") }
        return text
    }

    public func int(_ key: String) throws -> Int? {
        guard has(key), let value = object[key] else { return nil }
        switch value {
        case .int(let number): return Int(number)
        case .double(let number) where number.rounded() == number && abs(number) < 1e15: return Int(number)
        case .string(let text):
            if let number = Int(text.trimmedWhitespace()) { return number }
        case .bool(let flag): return flag ? 1 : 0
        default: break
        }
        throw DomainError.invalid(key, "\(key) must be an integer")
    }

    /// An integer within `range`, with one message that states the whole rule.
    public func int(_ key: String, in range: ClosedRange<Int>, required: Bool) throws -> Int? {
        let rule = "\(key) must be an integer between \(range.lowerBound) and \(range.upperBound)"
        guard has(key) else {
            if required { throw DomainError.invalid(key, "\(key) is required; \(rule)") }
            return nil
        }
        guard let number = try? int(key), range.contains(number) else { throw DomainError.invalid(key, rule) }
        return number
    }

    public func double(_ key: String) throws -> Double? {
        guard has(key), let value = object[key] else { return nil }
        if let number = value.doubleValue { return number }
        if case .string(let text) = value, let number = Double(text.trimmedWhitespace()) { return number }
        throw DomainError.invalid(key, "\(key) must be a number")
    }

    public func bool(_ key: String) throws -> Bool? {
        guard let value = object[key], value != .null else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .int(let number) where number == 0 || number == 1: return number == 1
        case .string(let text):
            switch text.lowercased().trimmedWhitespace() {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            case "": return nil
            default: break
            }
        default: break
        }
        throw DomainError.invalid(key, "\(key) must be a boolean (true/false, 1/0)")
    }

    public func requiredBool(_ key: String) throws -> Bool {
        guard let flag = try bool(key) else { throw DomainError.invalid(key, "\(key) is required") }
        return flag
    }
}
