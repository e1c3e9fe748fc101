import StructuredData

/// How a domain value is written as JSON, and the schema of what is written, from one list
/// of properties: an answer cannot carry a key its schema does not declare.
///
/// A presenter writes bytes straight into the answer's buffer: no `JSONValue` tree is built
/// on a response's way out. `render` reads those same bytes back for the few callers that
/// need a value, so the two cannot disagree.
///
/// The combinators are `@inlinable` so that the module declaring a presenter specialises
/// their closures for its types: unspecialised, every property paid generic metadata
/// look-ups and value-witness copies of the subject, as much as writing its bytes.
public struct Presenter<Subject>: Sendable {
    public let schema: Schema
    /// Appends the subject's JSON.
    public let write: @Sendable (Subject, inout [UInt8]) -> Void

    @inlinable
    public init(schema: Schema, writing write: @escaping @Sendable (Subject, inout [UInt8]) -> Void) {
        self.schema = schema
        self.write = write
    }

    /// A presenter that builds its value (a shape no combinator gives); `JSONWriter` writes it.
    @inlinable
    public init(schema: Schema, render: @escaping @Sendable (Subject) -> JSONValue) {
        self.init(schema: schema) { subject, out in JSONWriter.write(render(subject), into: &out) }
    }

    /// The subject's JSON, as an answer's body.
    @inlinable
    public func bytes(_ subject: Subject) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(subject, &out)
        return out
    }

    /// An object, key for key in the listed order; named, it is a shared component.
    @inlinable
    public static func object(_ name: String, _ properties: [PresentedProperty<Subject>]) -> Presenter {
        object(named: name, properties)
    }

    /// An object used in one place only.
    @inlinable
    public static func object(_ properties: [PresentedProperty<Subject>]) -> Presenter {
        object(named: nil, properties)
    }

    @inlinable
    static func object(named name: String?, _ properties: [PresentedProperty<Subject>]) -> Presenter {
        // Checked when the presenter is declared (once), in every build: a repeated key would be written twice.
        precondition(Set(properties.map(\.name)).count == properties.count, "a presented object declares a key twice")
        let schema = Schema.object(properties.map { Schema.Property($0.name, $0.schema, required: $0.required) })
        // One closure a property, each calling the next: what it calls and the keys it passes
        // are its own captures, so writing retains nothing per property (a loop over an array
        // of writers retained each one's closure and keys).
        var rest: @Sendable (Subject, _ empty: Int, inout [UInt8]) -> Void = { _, _, _ in }
        for property in properties.reversed() {
            let key = property.key, write = property.write, next = rest
            rest = { subject, empty, out in
                // The first key written (optional ones may be left out) has no comma before it.
                write(subject, out.count == empty ? key.first : key.later, &out)
                next(subject, empty, &out)
            }
        }
        let fields = rest
        return Presenter(schema: name.map { .named($0, schema) } ?? schema) { subject, out in
            out.append(UInt8(ascii: "{"))
            fields(subject, out.count, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A list of such values.
    @inlinable
    public var list: Presenter<[Subject]> {
        let write = self.write
        return Presenter<[Subject]>(schema: .array(schema)) { items, out in
            out.append(UInt8(ascii: "["))
            for index in items.indices {
                if index != items.startIndex { out.append(UInt8(ascii: ",")) }
                write(items[index], &out)
            }
            out.append(UInt8(ascii: "]"))
        }
    }

    /// The value or JSON null.
    @inlinable
    public var orNull: Presenter<Subject?> {
        let write = self.write
        return Presenter<Subject?>(schema: .nullable(schema)) { subject, out in
            if let subject { write(subject, &out) } else { JSONWriter.write(.null, into: &out) }
        }
    }

    /// The same rendering of another value (a part of it).
    @inlinable
    public func of<Whole>(_ part: @escaping @Sendable (Whole) -> Subject) -> Presenter<Whole> {
        let write = self.write
        return Presenter<Whole>(schema: schema) { whole, out in write(part(whole), &out) }
    }

    @inlinable
    public func described(_ text: String, example: JSONValue? = nil) -> Presenter {
        Presenter(schema: schema.described(text, example: example), writing: write)
    }
}

extension Presenter where Subject == Int {
    public static let integer = Presenter(schema: .int) { number, out in out.appendDecimal(Int64(number)) }
    public static let id = Presenter(schema: .id) { number, out in out.appendDecimal(Int64(number)) }
}

extension Presenter where Subject == Int64 {
    public static let integer = Presenter(schema: .int) { number, out in out.appendDecimal(number) }
}

extension Presenter where Subject == String {
    public static let string = Presenter(schema: .text) { text, out in JSONWriter.writeString(text, into: &out) }
}

extension Presenter where Subject == Bool {
    public static let boolean = Presenter(schema: .boolean) { flag, out in JSONWriter.write(.bool(flag), into: &out) }
}

extension Presenter where Subject == Void {
    /// An answer that is always the same value (`true`, `"pending"`), encoded once.
    @inlinable
    public static func constant(_ value: JSONValue) -> Presenter {
        let bytes = JSONWriter.bytes(value)
        return Presenter(schema: .constant(value)) { _, out in out.append(contentsOf: bytes) }
    }
}

/// One property of a presented object.
public struct PresentedProperty<Subject>: Sendable {
    public let name: String
    public let schema: Schema
    /// Always written; an optional property is left out when its value is nil.
    public let required: Bool
    /// `"name":` and `,"name":`, encoded once when the property is declared.
    @usableFromInline let key: (first: [UInt8], later: [UInt8])
    /// Appends the key it is given (with or without a comma) and the value, or nothing when
    /// an optional property has no value.
    @usableFromInline let write: @Sendable (Subject, _ key: [UInt8], inout [UInt8]) -> Void

    /// A property that is always written.
    @inlinable
    public init(_ name: String, _ schema: Schema, _ value: @escaping @Sendable (Subject) -> JSONValue) {
        self.init(name: name, schema: schema, required: true) { subject, key, out in
            out.append(contentsOf: key)
            JSONWriter.write(value(subject), into: &out)
        }
    }

    /// A property written only when `value` answers one.
    @inlinable
    public static func optional(_ name: String, _ schema: Schema, _ value: @escaping @Sendable (Subject) -> JSONValue?) -> PresentedProperty {
        PresentedProperty(name: name, schema: schema, required: false) { subject, key, out in
            guard let value = value(subject) else { return }
            out.append(contentsOf: key)
            JSONWriter.write(value, into: &out)
        }
    }

    /// A property rendered by another presenter, into the same buffer.
    @inlinable
    public static func nested<Part>(_ name: String, _ presenter: Presenter<Part>, _ part: @escaping @Sendable (Subject) -> Part) -> PresentedProperty {
        let write = presenter.write
        return PresentedProperty(name: name, schema: presenter.schema, required: true) { subject, key, out in
            out.append(contentsOf: key)
            write(part(subject), &out)
        }
    }

    /// A property rendered by another presenter when `part` has a value; left out otherwise.
    @inlinable
    public static func optional<Part>(_ name: String, _ presenter: Presenter<Part>, _ part: @escaping @Sendable (Subject) -> Part?) -> PresentedProperty {
        let write = presenter.write
        return PresentedProperty(name: name, schema: presenter.schema, required: false) { subject, key, out in
            guard let value = part(subject) else { return }
            out.append(contentsOf: key)
            write(value, &out)
        }
    }

    @inlinable
    public static func int(_ name: String, _ schema: Schema = .int, _ value: @escaping @Sendable (Subject) -> Int) -> PresentedProperty {
        PresentedProperty(name: name, schema: schema, required: true) { subject, key, out in
            out.append(contentsOf: key)
            out.appendDecimal(Int64(value(subject)))
        }
    }

    @inlinable
    public static func string(_ name: String, _ schema: Schema = .text, _ value: @escaping @Sendable (Subject) -> String) -> PresentedProperty {
        PresentedProperty(name: name, schema: schema, required: true) { subject, key, out in
            out.append(contentsOf: key)
            JSONWriter.writeString(value(subject), into: &out)
        }
    }

    @inlinable
    public static func bool(_ name: String, _ value: @escaping @Sendable (Subject) -> Bool) -> PresentedProperty {
        PresentedProperty(name: name, schema: .boolean, required: true) { subject, key, out in
            out.append(contentsOf: key)
            JSONWriter.write(.bool(value(subject)), into: &out)
        }
    }

    /// The same property of a value that holds the subject (a server inside its detail).
    @inlinable
    public func of<Whole>(_ part: @escaping @Sendable (Whole) -> Subject) -> PresentedProperty<Whole> {
        let write = self.write
        return PresentedProperty<Whole>(name: name, schema: schema, required: required) { whole, key, out in
            write(part(whole), key, &out)
        }
    }

    @inlinable
    init(name: String, schema: Schema, required: Bool, write: @escaping @Sendable (Subject, _ key: [UInt8], inout [UInt8]) -> Void) {
        self.name = name
        self.schema = schema
        self.required = required
        var key: [UInt8] = []
        JSONWriter.writeString(name, into: &key)
        key.append(UInt8(ascii: ":"))
        self.key = (first: key, later: [UInt8(ascii: ",")] + key)
        self.write = write
    }
}
