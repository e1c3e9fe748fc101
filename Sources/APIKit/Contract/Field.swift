import SandboxCore
import StructuredData

/// Where an input field is sent.
public enum FieldLocation: String, Sendable {
    case query, body
}

/// How a field may be left out.
public enum Presence: Sendable {
    /// Must be sent with a value.
    case required
    /// May be left out; null or an empty string counts as left out (Laravel forms, DRF's optional fields).
    case optional
    /// May be left out, but a sent value must be valid, empty strings and null included (PATCH).
    case partial
}

/// What reading one sent value gave.
public enum FieldReading<Value: Sendable>: Sendable {
    case value(Value)
    /// Not of the field's type (`"abc"` for an integer).
    case wrongType
    /// Of the right type but against the rule; a message of its own, or nil for the field's rule.
    case refused(String?)
}

/// One input field of an endpoint, declared once: its name, where it is sent, its schema
/// (for the OpenAPI document), whether it is required, the sentence that states its rule
/// (for the 400 message) and the lenient reading that turns a sent value into `Value`.
public struct Field<Value: Sendable>: Sendable {
    public let name: String
    public let location: FieldLocation
    public let schema: Schema
    public let presence: Presence
    /// The whole rule in one sentence, naming the field: "cpuCores must be an integer between 1 and 32".
    public let rule: String
    /// The kind of value, for the dialects that name it in type errors ("A valid integer is required.").
    public let kind: FieldKind
    /// Text that is only whitespace counts as empty (DRF's trimmed CharField).
    public let trims: Bool
    let read: @Sendable (JSONValue) -> FieldReading<Value>

    public init(
        _ name: String, in location: FieldLocation = .body, schema: Schema, kind: FieldKind, presence: Presence, rule: String,
        trims: Bool = false, read: @escaping @Sendable (JSONValue) -> FieldReading<Value>
    ) {
        self.name = name
        self.location = location
        self.schema = schema
        self.kind = kind
        self.presence = presence
        self.rule = rule
        self.trims = trims
        self.read = read
    }

    /// The same field with a description and the documents' example in the OpenAPI document.
    public func documented(_ text: String, example: JSONValue? = nil) -> Field {
        Field(name, in: location, schema: schema.described(text, example: example), kind: kind, presence: presence, rule: rule, trims: trims, read: read)
    }

    /// The same field with another presence (create requires what a change makes optional).
    public func presence(_ presence: Presence) -> Field {
        Field(name, in: location, schema: schema, kind: kind, presence: presence, rule: rule, trims: trims, read: read)
    }

    /// The same field read from the query string.
    public var inQuery: Field {
        Field(name, in: .query, schema: schema, kind: kind, presence: presence, rule: rule, trims: trims, read: read)
    }

    /// A further check on the read value, with the message for a value that fails it.
    public func checked(_ message: String? = nil, _ accepts: @escaping @Sendable (Value) -> Bool) -> Field {
        let read = self.read
        return Field(name, in: location, schema: schema, kind: kind, presence: presence, rule: rule, trims: trims) { value in
            guard case .value(let read) = read(value) else { return read(value) }
            return accepts(read) ? .value(read) : .refused(message)
        }
    }

    /// The field with its value turned into another type (a catalogue lookup, an enum).
    public func map<Other: Sendable>(_ transform: @escaping @Sendable (Value) -> Other?) -> Field<Other> {
        let read = self.read
        return Field<Other>(name, in: location, schema: schema, kind: kind, presence: presence, rule: rule, trims: trims) { value in
            switch read(value) {
            case .value(let read): return transform(read).map { .value($0) } ?? .refused(nil)
            case .wrongType: return .wrongType
            case .refused(let message): return .refused(message)
            }
        }
    }
}

/// The type a field reads, as error messages name it.
public enum FieldKind: Sendable {
    case string, integer, number, boolean, choice, object, array
    /// Any JSON value passed on as it was: `""` is a value, not an empty field.
    case any
}

extension Field where Value == Int {
    /// An integer: `2`, `2.0` and `"2"` are 2 (form posts send text); booleans are 1 and 0.
    public static func integer(
        _ name: String, _ range: ClosedRange<Int>? = nil, _ presence: Presence = .required, rule: String? = nil
    ) -> Field {
        let sentence = rule ?? range.map { "\(name) must be an integer between \($0.lowerBound) and \($0.upperBound)" }
            ?? "\(name) must be an integer"
        return Field(
            name, schema: .integer(minimum: range.map { Int64($0.lowerBound) }, maximum: range.map { Int64($0.upperBound) }),
            kind: .integer, presence: presence, rule: sentence
        ) { value in
            guard let number = LenientValue.int(value) else { return .wrongType }
            guard range?.contains(number) ?? true else { return .refused(nil) }
            return .value(number)
        }
    }
}

extension Field where Value == Int {
    /// An integer out of a closed list (catalogue ids), read as leniently as any integer.
    public static func integer(_ name: String, among values: [Int], _ presence: Presence = .required, rule: String) -> Field {
        Field(name, schema: .integerChoice(values.map { Int64($0) }), kind: .integer, presence: presence, rule: rule) { value in
            guard let number = LenientValue.int(value) else { return .wrongType }
            return values.contains(number) ? .value(number) : .refused(nil)
        }
    }
}

extension Field where Value == String {
    /// Text; numbers are read as their text (documents sometimes show numeric values
    /// unquoted). `trimmed`: surrounding whitespace is dropped first (DRF's CharField).
    public static func string(
        _ name: String, _ presence: Presence = .required, length: ClosedRange<Int>? = nil, pattern: String? = nil,
        format: String? = nil, trimmed: Bool = false, rule: String? = nil, accepts: (@Sendable (String) -> Bool)? = nil
    ) -> Field {
        let sentence = rule ?? length.map { "\(name) must be a string of \($0.lowerBound) to \($0.upperBound) characters" }
            ?? "\(name) must be a string"
        return Field(
            name, schema: .string(minLength: length?.lowerBound, maxLength: length?.upperBound, pattern: pattern, format: format),
            kind: .string, presence: presence, rule: sentence, trims: trimmed
        ) { value in
            guard let sent = LenientValue.string(value) else { return .wrongType }
            let text = trimmed ? String(sent.trimmedWhitespace()) : sent
            if let length, !length.contains(text.count) { return .refused(nil) }
            if let accepts, !accepts(text) { return .refused(nil) }
            return .value(text)
        }
    }

    /// One of a closed list of strings, compared exactly.
    public static func choice(_ name: String, _ values: [String], _ presence: Presence = .required, rule: String? = nil) -> Field {
        Field(
            name, schema: .choice(values), kind: .choice, presence: presence,
            rule: rule ?? "\(name) must be one of \(values.joined(separator: ", "))"
        ) { value in
            guard let text = LenientValue.string(value) else { return .wrongType }
            return values.contains(text) ? .value(text) : .refused(nil)
        }
    }
}

extension Field where Value == Bool {
    /// `true`/`false`, `1`/`0`, and the texts `"true"`, `"yes"`, `"on"`, `"1"` and their opposites.
    public static func boolean(_ name: String, _ presence: Presence = .required, rule: String? = nil) -> Field {
        Field(
            name, schema: .boolean, kind: .boolean, presence: presence,
            rule: rule ?? "\(name) must be a boolean (true/false, 1/0)"
        ) { value in
            LenientValue.bool(value).map { .value($0) } ?? .wrongType
        }
    }
}

extension Field where Value == Double {
    /// A number in `range`; `aboveLowerBound`: the lower bound itself is refused (more than 0).
    public static func number(
        _ name: String, _ range: ClosedRange<Double>? = nil, _ presence: Presence = .required, aboveLowerBound: Bool = false,
        rule: String? = nil
    ) -> Field {
        let sentence = rule ?? range.map { "\(name) must be a number between \($0.lowerBound) and \($0.upperBound)" }
            ?? "\(name) must be a number"
        let schema = Schema.number(
            minimum: aboveLowerBound ? nil : range?.lowerBound, maximum: range?.upperBound,
            above: aboveLowerBound ? range?.lowerBound : nil)
        return Field(name, schema: schema, kind: .number, presence: presence, rule: sentence) { value in
            guard let number = LenientValue.double(value) else { return .wrongType }
            guard let range else { return .value(number) }
            let inside = range.contains(number) && !(aboveLowerBound && number == range.lowerBound)
            return inside ? .value(number) : .refused(nil)
        }
    }
}
