import SandboxTesting
import StructuredData
import Testing

/// The OpenAPI document is precise: every operation has typed answers, every object lists its
/// properties, every array its items.
@Suite struct ContractCoverageTests {
    @Test func everyRouteDeclaresItsAnswers() throws {
        let sandbox = try TestSandbox()
        var untyped: [String] = []
        for service in sandbox.application.services {
            for route in service.routes where route.answers.isEmpty {
                untyped.append("\(route.method) \(service.prefix)\(route.pattern)")
            }
        }
        #expect(untyped == [])
    }

    @Test func everyLinkNamesARoute() throws {
        let sandbox = try TestSandbox()
        let routes = Set(sandbox.application.services.flatMap { service in
            service.routes.map { "\($0.method) \(service.prefix)\($0.pattern)" }
        })
        var links = 0
        for service in sandbox.application.services {
            for route in service.routes {
                for link in route.answers.flatMap(\.links) {
                    links += 1
                    #expect(routes.contains("\(link.method) \(link.pattern)"), "\(route.pattern) → \(link.pattern)")
                }
            }
        }
        #expect(links >= 7)
        let document = sandbox.request(.GET, "/_sandbox/openapi.json").json
        let created = document["paths"]?["/api/v1/servers"]?["post"]?["responses"]?["201"]?["links"]
        #expect(created?["GetServer"]?["operationId"] == "vpsorg_get_api_v1_servers_server_id")
        #expect(created?["GetServer"]?["parameters"]?["server_id"] == "$response.body#/id")
    }

    @Test func everyObjectListsItsPropertiesAndEveryArrayItsItems() throws {
        let sandbox = try TestSandbox()
        let document = sandbox.request(.GET, "/_sandbox/openapi.json").json
        var vague: [String] = []
        func walk(_ value: JSONValue, _ path: String) {
            switch value {
            case .object(let object):
                if object["type"] == "object", object["properties"] == nil, object["additionalProperties"]?.objectValue == nil,
                    object["description"] == nil
                {
                    vague.append(path)
                }
                if object["type"] == "array", object["items"] == nil { vague.append(path) }
                if object.entries.isEmpty, path.hasSuffix("/schema") { vague.append(path) }
                for (key, member) in object.entries { walk(member, "\(path)/\(key)") }
            case .array(let items):
                for (index, item) in items.enumerated() { walk(item, "\(path)/\(index)") }
            default:
                break
            }
        }
        walk(document["paths"] ?? .null, "#/paths")
        walk(document["components"]?["schemas"] ?? .null, "#/components/schemas")
        #expect(vague == [])
    }

    @Test func successAnswersAreTypedAndServersAreListed() throws {
        let sandbox = try TestSandbox()
        let document = sandbox.request(.GET, "/_sandbox/openapi.json", headers: [("Host", "localhost:\(sandbox.port)")]).json
        #expect(document["servers"]?.arrayValue?.first?["url"] == .string("http://localhost:\(sandbox.port)"))
        let create = document["paths"]?["/api/v1/servers"]?["post"]
        #expect(create?["responses"]?["201"]?["content"]?["application/json"]?["schema"]?["$ref"] == "#/components/schemas/VPSOrgServerCreated")
        let body = create?["requestBody"]?["content"]?["application/json"]?["schema"]
        // The document's body or the clients' (name/hostname, plan_id/plan, os_id/os_version).
        #expect(body?["required"] == ["location"])
        #expect(body?["allOf"]?.arrayValue?.count == 3)
        #expect(body?["properties"]?["plan_id"]?["enum"]?.arrayValue?.isEmpty == false)
        #expect(body?["properties"]?["name"]?["examples"] == ["web-server-02"])
        let list = document["paths"]?["/api/v1/servers"]?["get"]?["parameters"]?.arrayValue ?? []
        #expect(list.compactMap { $0["in"] == "query" ? $0["name"]?.stringValue : nil } == ["status", "location", "page", "page_size"])
        #expect(document["components"]?["schemas"]?["VPSOrgError"]?["oneOf"]?.arrayValue?.count == 2)
    }
}
