import StructuredData

/// The shape of a JSON value, declared once per input field and per answer. The OpenAPI
/// document is generated from it, and tests check real answers against it.
public indirect enum Schema: Sendable {
    case string(minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil, format: String? = nil)
    /// A string out of a closed list.
    case choice([String])
    case integer(minimum: Int64? = nil, maximum: Int64? = nil)
    /// An integer out of a closed list (catalogue ids).
    case integerChoice([Int64])
    /// `above`: an exclusive lower bound (a scale, a probability: more than 0).
    case number(minimum: Double? = nil, maximum: Double? = nil, above: Double? = nil)
    case boolean
    /// An object with the listed properties and no others.
    case object([Property])
    /// An object whose keys are data (ids, names), every value of one shape.
    case map(Schema)
    case array(Schema)
    case nullable(Schema)
    /// Exactly one of the shapes (different answers of one endpoint, job outputs by kind).
    case oneOf([Schema])
    /// A JSON object whose own schema lives elsewhere (the OpenAPI specification, the snapshot
    /// format): kept for documents, never for API answers.
    case document(String)
    /// Any JSON value: what a client sent or a model stored, passed on as it was (recorded
    /// request bodies, job outputs). Kept for those; every other value has a shape.
    case any
    /// One fixed value (`"pending"`, `true`).
    case constant(JSONValue)
    /// A shape with a name: one entry under `components/schemas`, referred to by `$ref`.
    case named(String, Schema)
    /// A shape with a description and, optionally, the documents' example.
    case described(String, Schema, example: JSONValue? = nil)

    public struct Property: Sendable {
        public let name: String
        public let schema: Schema
        /// Always present in answers; must be sent in inputs.
        public let required: Bool

        public init(_ name: String, _ schema: Schema, required: Bool = true) {
            self.name = name
            self.schema = schema
            self.required = required
        }
    }

    public static let text = Schema.string()
    public static let int = Schema.integer()
    /// A row id: a positive integer.
    public static let id = Schema.integer(minimum: 1)
    /// `2026-11-29T12:00:00Z`.
    public static let dateTime = Schema.string(format: "date-time")
    public static let ipv4 = Schema.string(format: "ipv4")
    public static let ipv6 = Schema.string(format: "ipv6")
    /// An IPv4 or an IPv6 address.
    public static let ipAddress = Schema.oneOf([.ipv4, .ipv6])

    public func described(_ text: String, example: JSONValue? = nil) -> Schema {
        .described(text, self, example: example)
    }

    public var orNull: Schema { .nullable(self) }
}
