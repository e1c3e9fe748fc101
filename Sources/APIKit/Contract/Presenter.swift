import StructuredData

/// How a domain value is written as JSON, and the schema of what is written, from one list
/// of properties: an answer cannot carry a key its schema does not declare.
public struct Presenter<Subject>: Sendable {
    public let schema: Schema
    public let render: @Sendable (Subject) -> JSONValue

    public init(schema: Schema, render: @escaping @Sendable (Subject) -> JSONValue) {
        self.schema = schema
        self.render = render
    }

    /// An object, key for key in the listed order; named, it is a shared component.
    public static func object(_ name: String, _ properties: [PresentedProperty<Subject>]) -> Presenter {
        object(named: name, properties)
    }

    /// An object used in one place only.
    public static func object(_ properties: [PresentedProperty<Subject>]) -> Presenter {
        object(named: nil, properties)
    }

    private static func object(named name: String?, _ properties: [PresentedProperty<Subject>]) -> Presenter {
        let schema = Schema.object(properties.map { Schema.Property($0.name, $0.schema, required: $0.required) })
        return Presenter(schema: name.map { .named($0, schema) } ?? schema) { subject in
            var object = JSONObject()
            for property in properties {
                if let value = property.value(subject) { object[property.name] = value }
            }
            return .object(object)
        }
    }

    /// A list of such values.
    public var list: Presenter<[Subject]> {
        let render = self.render
        return Presenter<[Subject]>(schema: .array(schema)) { .array($0.map(render)) }
    }

    /// The value or JSON null.
    public var orNull: Presenter<Subject?> {
        let render = self.render
        return Presenter<Subject?>(schema: .nullable(schema)) { $0.map(render) ?? .null }
    }

    /// The same rendering of another value (a part of it).
    public func of<Whole>(_ part: @escaping @Sendable (Whole) -> Subject) -> Presenter<Whole> {
        let render = self.render
        return Presenter<Whole>(schema: schema) { render(part($0)) }
    }

    public func described(_ text: String, example: JSONValue? = nil) -> Presenter {
        Presenter(schema: schema.described(text, example: example), render: render)
    }
}

extension Presenter where Subject == Int {
    public static let integer = Presenter(schema: .int) { .int(Int64($0)) }
    public static let id = Presenter(schema: .id) { .int(Int64($0)) }
}

extension Presenter where Subject == Int64 {
    public static let integer = Presenter(schema: .int) { .int($0) }
}

extension Presenter where Subject == String {
    public static let string = Presenter(schema: .text) { .string($0) }
}

extension Presenter where Subject == Bool {
    public static let boolean = Presenter(schema: .boolean) { .bool($0) }
}

extension Presenter where Subject == Void {
    /// An answer that is always the same value (`true`, `"pending"`).
    public static func constant(_ value: JSONValue) -> Presenter { Presenter(schema: .constant(value)) { _ in value } }
}

/// One property of a presented object.
public struct PresentedProperty<Subject>: Sendable {
    public let name: String
    public let schema: Schema
    /// Always written; an optional property is left out when its value is nil.
    public let required: Bool
    let value: @Sendable (Subject) -> JSONValue?

    /// A property that is always written.
    public init(_ name: String, _ schema: Schema, _ value: @escaping @Sendable (Subject) -> JSONValue) {
        self.name = name
        self.schema = schema
        self.required = true
        self.value = value
    }

    /// A property written only when `value` answers one.
    public static func optional(_ name: String, _ schema: Schema, _ value: @escaping @Sendable (Subject) -> JSONValue?) -> PresentedProperty {
        PresentedProperty(name: name, schema: schema, required: false, value: value)
    }

    /// A property rendered by another presenter.
    public static func nested<Part>(_ name: String, _ presenter: Presenter<Part>, _ part: @escaping @Sendable (Subject) -> Part) -> PresentedProperty {
        let render = presenter.render
        return PresentedProperty(name: name, schema: presenter.schema, required: true) { render(part($0)) }
    }

    public static func int(_ name: String, _ schema: Schema = .int, _ value: @escaping @Sendable (Subject) -> Int) -> PresentedProperty {
        PresentedProperty(name, schema) { .int(Int64(value($0))) }
    }

    public static func string(_ name: String, _ schema: Schema = .text, _ value: @escaping @Sendable (Subject) -> String) -> PresentedProperty {
        PresentedProperty(name, schema) { .string(value($0)) }
    }

    public static func bool(_ name: String, _ value: @escaping @Sendable (Subject) -> Bool) -> PresentedProperty {
        PresentedProperty(name, .boolean) { .bool(value($0)) }
    }

    /// The same property of a value that holds the subject (a server inside its detail).
    public func of<Whole>(_ part: @escaping @Sendable (Whole) -> Subject) -> PresentedProperty<Whole> {
        let value = self.value
        return PresentedProperty<Whole>(name: name, schema: schema, required: required) { value(part($0)) }
    }

    init(name: String, schema: Schema, required: Bool, value: @escaping @Sendable (Subject) -> JSONValue?) {
        self.name = name
        self.schema = schema
        self.required = required
        self.value = value
    }
}
