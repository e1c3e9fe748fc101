import HTTP1
import SandboxCore
import StructuredData

/// Everything an endpoint reads besides its path: query parameters and body fields, each
/// declared once. `read` validates a request against it, collecting every problem before
/// refusing; the OpenAPI document's `parameters` and `requestBody` come from the same list.
public struct InputDeclaration: Sendable {
    public let fields: [AnyField]
    public let dialect: InputDialect
    /// Optional fields of which at least one must be sent (a server named by `sid` or `ip`).
    public let alternatives: [Alternatives]
    /// A body that is one whole document the handler reads itself (a snapshot, a scenario),
    /// so a large upload is parsed once, its own way: documented here, never read by `read`.
    public let document: Schema?
    /// Rules across fields, run once every field is read, so that their refusals are named
    /// with the fields' own (a BYOD order's CPU may come nested or flat, but must come).
    public let checks: [@Sendable (InputValues, inout FieldErrors) -> Void]

    public init(
        _ dialect: InputDialect, _ fields: [AnyField], alternatives: [Alternatives] = [], document: Schema? = nil,
        checks: [@Sendable (InputValues, inout FieldErrors) -> Void] = []
    ) {
        self.dialect = dialect
        self.fields = fields
        self.alternatives = alternatives
        self.document = document
        self.checks = checks
    }

    /// Field names of which at least one must be sent, and the refusal (under `field`) when none is.
    public struct Alternatives: Sendable {
        public let names: [String]
        public let field: String
        public let message: String

        public init(_ names: [String], field: String, message: String) {
            self.names = names
            self.field = field
            self.message = message
        }
    }

    /// An endpoint that reads nothing but its path.
    public static let none = InputDeclaration(.laravel, [])

    public var bodyFields: [AnyField] { fields.filter { $0.location == .body } }
    public var queryFields: [AnyField] { fields.filter { $0.location == .query } }

    /// The request's values, every field checked; one refusal names every invalid field.
    public func read(_ request: HTTPRequest) throws -> InputValues {
        guard !fields.isEmpty else { return InputValues() }
        var body = JSONObject()
        if fields.contains(where: { $0.location == .body }) {
            do {
                body = try RequestBody.decode(request)
            } catch {
                throw dialect.unreadableBody(error.description)
            }
        }
        return try read(body: body) { request.query($0) }
    }

    /// Values from fields sent some other way: a scenario file's entry, read through the
    /// endpoint's own declaration (its query fields then count as not sent).
    public func read(body: JSONObject, query: (String) -> String? = { _ in nil }) throws -> InputValues {
        var values = InputValues()
        var errors = FieldErrors()
        for field in fields {
            let sent: JSONValue?
            switch field.location {
            case .body: sent = body[field.name]
            case .query: sent = query(field.name).map { .string($0) }
            }
            field.check(sent, dialect: dialect, into: &values, errors: &errors)
        }
        checkAlternatives(values, &errors)
        for check in checks { check(values, &errors) }
        try errors.throwIfAny()
        return values
    }

    /// A group none of whose fields was sent (or refused already) is refused.
    private func checkAlternatives(_ values: InputValues, _ errors: inout FieldErrors) {
        for group in alternatives where !group.names.contains(where: { values.has(name: $0) || errors.names($0) }) {
            errors.add(group.field, group.message)
        }
    }
}

/// A field of any value type, as declarations list them.
public struct AnyField: Sendable {
    public let name: String
    public let location: FieldLocation
    public let schema: Schema
    public let presence: Presence
    public let rule: String
    let check: @Sendable (JSONValue?, InputDialect, inout InputValues, inout FieldErrors) -> Void

    public init<Value>(_ field: Field<Value>) {
        name = field.name
        location = field.location
        schema = field.schema
        presence = field.presence
        rule = field.rule
        check = { @Sendable sent, dialect, values, errors in
            guard let sent = dialect.present(sent, field: field, errors: &errors) else { return }
            switch field.read(sent) {
            case .value(let value): values.store(value, for: field.name)
            case .wrongType: errors.add(field.name, dialect.wrongType(field))
            case .refused(let message): errors.add(field.name, message ?? field.rule)
            }
        }
    }

    func check(_ sent: JSONValue?, dialect: InputDialect, into values: inout InputValues, errors: inout FieldErrors) {
        check(sent, dialect, &values, &errors)
    }
}

/// The validated values of a request, read back through the fields that declared them.
public struct InputValues: Sendable {
    private var values: [String: any Sendable] = [:]

    public init() {}

    mutating func store(_ value: any Sendable, for name: String) { values[name] = value }

    /// The field's value; nil when it was left out.
    public subscript<Value>(_ field: Field<Value>) -> Value? { values[field.name] as? Value }

    /// A required field's value. Validation has checked it was sent; the throw is for a field
    /// asked for that the route did not declare.
    public func required<Value>(_ field: Field<Value>) throws -> Value {
        guard let value = self[field] else { throw DomainError.invalid(field.name, "\(field.name) is required") }
        return value
    }

    public func has<Value>(_ field: Field<Value>) -> Bool { values[field.name] != nil }

    func has(name: String) -> Bool { values[name] != nil }
}

/// How an API words its input refusals: the reseller API (Laravel) states the rule in each
/// message; VPS.org (Django REST Framework) uses DRF's own type and presence messages.
public struct InputDialect: Sendable {
    let unreadableBody: @Sendable (String) -> DomainError
    let missing: @Sendable (_ name: String, _ rule: String) -> String
    let null: (@Sendable (String) -> String)?
    /// The refusal of `""` for a required or partial field.
    let empty: @Sendable (_ kind: FieldKind, _ presence: Presence, _ name: String, _ rule: String) -> String
    let wrongType: @Sendable (_ kind: FieldKind, _ rule: String) -> String
    /// Whether `true`/`false` is refused where a number is asked for: PHP clients send `true`
    /// for 1, while DRF's IntegerField refuses a boolean ("A valid integer is required.").
    let booleanIsNumber: Bool

    /// Laravel: a missing field is "`name` is required; `rule`"; null and "" count as not sent.
    public static let laravel = InputDialect(
        unreadableBody: { DomainError.invalid("body", $0) },
        missing: { name, rule in "\(name) is required; \(rule)" }, null: nil,
        empty: { _, presence, name, rule in presence == .required ? "\(name) is required; \(rule)" : rule },
        wrongType: { _, rule in rule }, booleanIsNumber: true)

    /// DRF: "This field is required.", "This field may not be null.", "A valid integer is required."
    public static let django = InputDialect(
        unreadableBody: { DomainError(.invalidInput, "JSON parse error - \($0)") },
        missing: { _, _ in "This field is required." }, null: { _ in "This field may not be null." },
        empty: { kind, presence, _, _ in
            switch kind {
            case .string: return "This field may not be blank."
            case .integer where presence == .required: return "This field is required."
            case .integer: return "A valid integer is required."
            case .boolean: return "Must be a valid boolean."
            default: return "This field is required."
            }
        },
        wrongType: { kind, rule in
            switch kind {
            case .integer: return "A valid integer is required."
            case .number: return "A valid number is required."
            case .boolean: return "Must be a valid boolean."
            case .string: return "Not a valid string."
            case .choice, .object, .array, .any: return rule
            }
        }, booleanIsNumber: false)

    public init(
        unreadableBody: @escaping @Sendable (String) -> DomainError, missing: @escaping @Sendable (String, String) -> String,
        null: (@Sendable (String) -> String)?,
        empty: @escaping @Sendable (FieldKind, Presence, String, String) -> String,
        wrongType: @escaping @Sendable (FieldKind, String) -> String, booleanIsNumber: Bool
    ) {
        self.unreadableBody = unreadableBody
        self.missing = missing
        self.null = null
        self.empty = empty
        self.wrongType = wrongType
        self.booleanIsNumber = booleanIsNumber
    }

    func wrongType<Value>(_ field: Field<Value>) -> String { wrongType(field.kind, field.rule) }

    /// The sent value, or nil when the field counts as not sent (recording the refusal when
    /// it had to be sent).
    func present<Value>(_ sent: JSONValue?, field: Field<Value>, errors: inout FieldErrors) -> JSONValue? {
        let name = field.name
        switch sent {
        case nil:
            if field.presence == .required { errors.add(name, missing(name, field.rule)) }
            return nil
        case .null?:
            switch field.presence {
            case .optional: return nil
            case .required: errors.add(name, null?(name) ?? missing(name, field.rule))
            case .partial: errors.add(name, null?(name) ?? field.rule)
            }
            return nil
        case .string(let text)? where field.kind != .any && (text.isEmpty || field.trims && text.trimmedWhitespace().isEmpty):
            if field.presence == .optional { return nil }
            errors.add(name, empty(field.kind, field.presence, name, field.rule))
            return nil
        case .bool? where !booleanIsNumber && (field.kind == .integer || field.kind == .number):
            errors.add(name, wrongType(field))
            return nil
        case let value?:
            return value
        }
    }
}
