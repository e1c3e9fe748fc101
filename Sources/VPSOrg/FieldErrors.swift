import SandboxCore
import StructuredData

/// Django REST Framework's readings of a field: serializers report all invalid fields at
/// once, and their type and presence messages are DRF's own (`This field is required.`);
/// rule messages name the field and the rule.
extension FieldErrors {
    /// How a field may be left out.
    enum Presence {
        /// Must be sent with a value (create's required fields, every field of PUT).
        case required
        /// May be left out; null or empty counts as left out (create's optional fields).
        case optional
        /// May be left out, but a sent value must be valid (PATCH).
        case partial
    }

    /// A trimmed text value that passes `rule`; nil when left out or wrong (recorded).
    mutating func text(
        _ key: String, in fields: InputFields, _ presence: Presence, rule: (String) -> Bool, ruleMessage: String
    ) -> String? {
        guard let value = sent(key, in: fields, presence) else { return nil }
        let text: String
        switch value {
        case .string(let string): text = string.trimmingWhitespace()
        case .int(let number): text = String(number)
        case .double(let number): text = String(number)
        default:
            add(key, "Not a valid string.")
            return nil
        }
        guard !text.isEmpty else {
            if presence != .optional { add(key, "This field may not be blank.") }
            return nil
        }
        guard rule(text) else {
            add(key, ruleMessage)
            return nil
        }
        return text
    }

    mutating func integer(_ key: String, in fields: InputFields, _ presence: Presence) -> Int? {
        guard let value = sent(key, in: fields, presence) else { return nil }
        if value == .string(""), presence == .optional { return nil }
        guard let number = try? fields.int(key), value != .string("") else {
            add(key, presence == .required && value == .string("") ? "This field is required." : "A valid integer is required.")
            return nil
        }
        return number
    }

    mutating func boolean(_ key: String, in fields: InputFields, _ presence: Presence) -> Bool? {
        guard let value = sent(key, in: fields, presence) else { return nil }
        if value == .string(""), presence == .optional { return nil }
        guard let flag = try? fields.bool(key), value != .string("") else {
            add(key, "Must be a valid boolean.")
            return nil
        }
        return flag
    }

    /// The sent value, or nil when it was left out (recording a required field's absence).
    private mutating func sent(_ key: String, in fields: InputFields, _ presence: Presence) -> JSONValue? {
        switch fields.object[key] {
        case nil:
            if presence == .required { add(key, "This field is required.") }
            return nil
        case .null?:
            if presence != .optional { add(key, "This field may not be null.") }
            return nil
        case let value?:
            return value
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}

/// The document's rule for names: letters, digits and hyphens. Hostnames are fully qualified
/// domain names (`HostnameRule.fullyQualified`).
enum NamingRules {
    static let nameMessage = "name must be 1 to 63 characters: letters, digits and hyphens"

    static func isValidName(_ name: String) -> Bool {
        (1...63).contains(name.utf8.count) && name.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }
}
