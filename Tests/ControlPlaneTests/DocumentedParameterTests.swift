import Foundation
import SandboxTesting
import StructuredData
import Testing

/// Every body and query parameter the two API documents list is declared in the OpenAPI
/// document. `Fixtures/documented-parameters.json` is extracted from the documents by
/// `scripts/documented-parameters`.
@Suite struct DocumentedParameterTests {
    struct Entry: Decodable {
        let method: String
        let path: String
        let `in`: String
        let name: String
    }

    @Test func everyDocumentedParameterIsDeclared() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/documented-parameters.json")
        let entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: fixture))
        #expect(entries.count >= 60)
        let sandbox = try TestSandbox()
        let document = sandbox.request(.GET, "/_sandbox/openapi.json").json
        var missing: [String] = []
        for entry in entries {
            let operation = document["paths"]?[entry.path]?[entry.method.lowercased()]
            // "sid|ip": either may be sent, so both must be declared.
            for name in entry.name.split(separator: "|").map(String.init) {
                let declared: Bool
                if entry.in == "query" {
                    declared = operation?["parameters"]?.arrayValue?.contains { $0["in"] == "query" && $0["name"] == .string(name) } == true
                } else {
                    let body = operation?["requestBody"]?["content"]?["application/json"]?["schema"]
                    declared = property(name, in: body, document: document) != nil
                }
                if !declared { missing.append("\(entry.method) \(entry.path) \(entry.in) \(name)") }
            }
        }
        #expect(missing == [])
    }

    /// `parts[cpu]` is that key as the documents' JSON example sends it, or `cpu` inside
    /// `parts`; `$ref`s are followed.
    private func property(_ name: String, in schema: JSONValue?, document: JSONValue) -> JSONValue? {
        if let literal = resolve(schema, document)?["properties"]?[name] { return literal }
        var path = name.split(separator: "[").map { $0.hasSuffix("]") ? String($0.dropLast()) : String($0) }
        var current = resolve(schema, document)
        while let key = path.first {
            path.removeFirst()
            guard let next = resolve(current?["properties"]?[key], document) else { return nil }
            current = next
        }
        return current
    }

    private func resolve(_ schema: JSONValue?, _ document: JSONValue) -> JSONValue? {
        guard let reference = schema?["$ref"]?.stringValue else { return schema }
        return document["components"]?["schemas"]?[String(reference.split(separator: "/").last ?? "")]
    }
}
