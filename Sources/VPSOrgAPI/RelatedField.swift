import APIKit
import StructuredData

/// Django REST Framework's `PrimaryKeyRelatedField`: a field that names another object by its
/// primary key, with DRF's wording for each refusal. `""` is read as null, as DRF's related
/// fields do, so a blank key is "This field may not be null.".
enum RelatedField {
    /// An object named by a UUID key (a plan, an OS version, an SSH key). `find` gets the
    /// canonical lowercase form.
    static func uuid<Value: Sendable>(
        _ name: String, _ presence: Presence = .required, rule: String, find: @escaping @Sendable (String) -> Value?
    ) -> Field<Value> {
        Field(name, schema: .string(format: "uuid"), kind: .any, presence: presence, rule: rule) { value in
            guard case .string(let text) = value else { return .refused(incorrectType(value)) }
            return read(text, find: find)
        }
    }

    /// An object named by an integer key; `alternative` reads a text key besides (a location code).
    static func integer<Value: Sendable>(
        _ name: String, _ presence: Presence = .required, schema: Schema, rule: String,
        find: @escaping @Sendable (Int) -> Value?, alternative: @escaping @Sendable (String) -> Value? = { _ in nil }
    ) -> Field<Value> {
        Field(name, schema: schema, kind: .any, presence: presence, rule: rule) { value in
            switch value {
            case .int(let number):
                return find(Int(number)).map { .value($0) } ?? .refused(doesNotExist(String(number)))
            case .string(let text) where text.isEmpty:
                return .refused("This field may not be null.")
            case .string(let text):
                if let number = Int(text), let found = find(number) { return .value(found) }
                return alternative(text).map { .value($0) } ?? .refused(doesNotExist(text))
            default:
                return .refused(incorrectType(value))
            }
        }
    }

    /// One UUID key of a list (`ssh_keys`), read with the same wording.
    static func read<Value>(_ text: String, find: (String) -> Value?) -> FieldReading<Value> {
        if text.isEmpty { return .refused("This field may not be null.") }
        guard let canonical = canonicalUUID(text) else { return .refused("“\(text)” is not a valid UUID.") }
        return find(canonical).map { .value($0) } ?? .refused(doesNotExist(text))
    }

    static func doesNotExist(_ key: String) -> String { "Invalid pk \"\(key)\" - object does not exist." }

    /// DRF names the Python type it received.
    static func incorrectType(_ value: JSONValue) -> String {
        "Incorrect type. Expected pk value, received \(pythonType(value))."
    }

    static func pythonType(_ value: JSONValue) -> String {
        switch value {
        case .null: "NoneType"
        case .bool: "bool"
        case .int: "int"
        case .double: "float"
        case .string: "str"
        case .array: "list"
        case .object: "dict"
        }
    }

    /// Python's `uuid.UUID(text)` as Django reads it: 32 hex digits, hyphens anywhere, optional
    /// braces and `urn:uuid:` prefix; answered as lowercase 8-4-4-4-12.
    static func canonicalUUID(_ text: String) -> String? {
        var hex = Substring(text)
        if hex.lowercased().hasPrefix("urn:uuid:") { hex = hex.dropFirst(9) }
        if hex.first == "{" && hex.last == "}" { hex = hex.dropFirst().dropLast() }
        let digits = hex.filter { $0 != "-" }.lowercased()
        guard digits.count == 32, digits.allSatisfy({ $0.isHexDigit && $0.isASCII }) else { return nil }
        var out = ""
        for (index, digit) in digits.enumerated() {
            if [8, 12, 16, 20].contains(index) { out.append("-") }
            out.append(digit)
        }
        return out
    }
}
