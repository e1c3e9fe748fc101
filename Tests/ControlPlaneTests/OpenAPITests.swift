import SandboxTesting
import StructuredData
import Testing

@Suite struct OpenAPITests {
    @Test func everyRouteOfEveryServiceIsDocumented() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.GET, "/_sandbox/openapi.json")
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "application/json")
        let document = response.json
        #expect(document["openapi"] == "3.1.0")
        let paths = try #require(document["paths"]?.objectValue)
        var count = 0
        for service in sandbox.application.services {
            for route in service.routes {
                let path = (service.prefix + route.pattern).replacingOccurrences(of: ":int}", with: "}")
                let operation = paths[path]?[route.method.rawValue.lowercased()]
                #expect(operation?["summary"] == .string(route.summary), "\(route.method) \(path)")
                count += 1
            }
        }
        #expect(count > 20)
        #expect(paths["/_sandbox/openapi.json"]?["get"] != nil)
        #expect(paths["/_sandbox/faults/{id}"]?["delete"] != nil)
    }

    @Test func pathParametersAreDeclaredWithTheirTypes() throws {
        let sandbox = try TestSandbox()
        let paths = try #require(sandbox.request(.GET, "/_sandbox/openapi.json").json["paths"]?.objectValue)
        for (path, item) in paths.entries {
            let names = path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
            for operation in item.objectValue?.entries.map(\.value) ?? [] {
                let parameters = operation["parameters"]?.arrayValue ?? []
                let declared = parameters.filter { $0["in"] == "path" }.compactMap { $0["name"]?.stringValue }
                #expect(declared == names, "\(path)")
                let statuses = operation["responses"]?.objectValue?.entries.map(\.key) ?? []
                #expect(statuses.contains { $0.hasPrefix("2") }, "\(path)")
                #expect(operation["operationId"]?.stringValue != nil)
            }
        }
        let job = paths["/_sandbox/jobs/{id}/complete"]?["post"]?["parameters"]?.arrayValue?.first
        #expect(job?["in"] == "path")
        #expect(job?["schema"]?["type"] == "integer")
        #expect(job?["required"] == true)
    }

    @Test func operationIdsAreUniqueAndBearerSecurityIsDeclared() throws {
        let sandbox = try TestSandbox()
        let document = sandbox.request(.GET, "/_sandbox/openapi.json").json
        let operations = document["paths"]?.objectValue?.entries.flatMap { $0.value.objectValue?.entries.map(\.value) ?? [] } ?? []
        let ids = operations.compactMap { $0["operationId"]?.stringValue }
        #expect(Set(ids).count == ids.count)
        #expect(document["components"]?["securitySchemes"]?["bearerAuth"]?["scheme"] == "bearer")
    }
}
