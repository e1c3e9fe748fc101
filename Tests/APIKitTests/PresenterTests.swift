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

    @Test func rendersTheDeclaredKeysInOrder() {
        let value = Self.machine.render(Machine(id: 3, name: "web", address: "10.0.0.1"))
        #expect(value == ["id": 3, "name": "web", "address": "10.0.0.1"])
        #expect(Self.machine.render(Machine(id: 3, name: "web", address: nil)) == ["id": 3, "name": "web"])
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
    @Test func conformanceFindsUndeclaredMissingAndMistypedKeys() {
        let schema = Self.machine.schema
        #expect(schema.problems(in: Self.machine.render(Machine(id: 1, name: "a", address: nil))).isEmpty)
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
