import APIKit
import StructuredData
import Testing

@Suite struct PresenterTests {
    struct Machine: Sendable {
        let id: Int
        let name: String
        let address: String?
    }

    static let machine = Presenter<Machine>.object(
        "Machine",
        [
            .int("id", .id) { $0.id }, .string("name") { $0.name },
            .optional("address", .ipv4) { $0.address.map { .string($0) } },
        ])

    @Test func rendersTheDeclaredKeysInOrder() throws {
        let value = try Self.machine.render(Machine(id: 3, name: "web", address: "10.0.0.1"))
        #expect(value == ["id": 3, "name": "web", "address": "10.0.0.1"])
        #expect(try Self.machine.render(Machine(id: 3, name: "web", address: nil)) == ["id": 3, "name": "web"])
    }

    struct Rack: Sendable {
        let label: String?
        let machines: [Machine]
        let spare: Machine?
        let offset: Int64
    }

    /// Optional keys first and last (the commas around a left-out key), a nested list, a
    /// nested object or null, a custom value and a key that needs escaping.
    static let rack = Presenter<Rack>.object(
        "Rack",
        [
            .optional("label", .text) { $0.label.map { .string($0) } },
            .nested("machines", machine.list) { $0.machines },
            .nested("spare", machine.orNull) { $0.spare },
            PresentedProperty("offset", .int) { .int($0.offset) },
            .int("count\"s") { $0.machines.count },
            .nested("kind", Presenter<Void>.constant("rack")) { _ in () },
            .optional("note", .text) { $0.label.map { .string("for " + $0) } },
        ])

    /// Presenters write bytes directly; they must be the bytes their value is written as,
    /// and read back as that value.
    @Test func writtenBytesAreTheRenderedValueWritten() throws {
        let web = Machine(id: 3, name: "web \"eu\"\n", address: "10.0.0.1")
        let db = Machine(id: 12, name: "db", address: nil)
        let full = Rack(label: "A1", machines: [web, db], spare: db, offset: Int64.min)
        #expect(
            String(decoding: Self.rack.bytes(full), as: UTF8.self)
                == #"{"label":"A1","machines":[{"id":3,"name":"web \"eu\"\n","address":"10.0.0.1"},{"id":12,"name":"db"}],"#
                + #""spare":{"id":12,"name":"db"},"offset":-9223372036854775808,"count\"s":2,"kind":"rack","note":"for A1"}"#)
        let bare = Rack(label: nil, machines: [], spare: nil, offset: 0)
        #expect(
            String(decoding: Self.rack.bytes(bare), as: UTF8.self)
                == #"{"machines":[],"spare":null,"offset":0,"count\"s":0,"kind":"rack"}"#)
        for rack in [full, bare] {
            #expect(try JSONWriter.bytes(Self.rack.render(rack)) == Self.rack.bytes(rack))
            #expect(try Self.rack.schema.problems(in: Self.rack.render(rack)).isEmpty)
        }
        #expect(try Self.rack.render(bare) == ["machines": [], "spare": .null, "offset": 0, "count\"s": 0, "kind": "rack"])
        #expect(String(decoding: Self.machine.list.bytes([]), as: UTF8.self) == "[]")
    }

    @Test func theSchemaListsEveryPropertyAndIsReferencedByName() {
        var components = JSONObject()
        let reference = Self.machine.list.schema.openAPI(components: &components)
        #expect(reference == ["type": "array", "items": ["$ref": "#/components/schemas/Machine"]])
        let schema = components["Machine"]
        #expect(schema?["required"] == ["id", "name"])
        #expect(schema?["properties"]?["address"] == ["type": "string", "format": "ipv4"])
        #expect(schema?["additionalProperties"] == false)
    }

    /// The conformance check the suite runs on every answer must notice drift.
    @Test func conformanceFindsUndeclaredMissingAndMistypedKeys() throws {
        let schema = Self.machine.schema
        #expect(try schema.problems(in: Self.machine.render(Machine(id: 1, name: "a", address: nil))).isEmpty)
        #expect(schema.problems(in: ["id": 1, "name": "a", "extra": true]) == ["$.extra: not declared"])
        #expect(schema.problems(in: ["id": 1]) == ["$.name: missing"])
        #expect(schema.problems(in: ["id": "1", "name": "a"]).count == 1)
        #expect(schema.problems(in: ["id": 0, "name": "a"]) == ["$.id: 0 below 1"])
        #expect(Schema.oneOf([.text, .int]).problems(in: true).count == 1)
        #expect(Schema.int.orNull.problems(in: .null).isEmpty)
        #expect(Schema.ipv4.problems(in: "2a0e:97c0:3e1::11").count == 1)
        #expect(Schema.ipAddress.problems(in: "2a0e:97c0:3e1::11").isEmpty && Schema.ipAddress.problems(in: "185.244.10.11").isEmpty)
        #expect(Schema.dateTime.problems(in: "2026-01-01T00:00:00Z").isEmpty)
        #expect(Schema.dateTime.problems(in: "2026-01-02T00:00:00.000000Z").isEmpty)
        #expect(Schema.dateTime.problems(in: "2026-01-01 00:00").count == 1)
    }
}

extension Presenter {
    /// The value the subject's bytes are, for comparing with JSON literals.
    func render(_ subject: Subject) throws -> JSONValue { try JSONParser.parse(bytes(subject)) }
}
