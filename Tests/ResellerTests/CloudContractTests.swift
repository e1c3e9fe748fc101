import SandboxTesting
import StructuredData
import Testing

/// The cloud endpoints' declarations: the OpenAPI document states what the handlers read and
/// answer, the lenient readings clients rely on still work, and scenarios read their VMs
/// through the same declarations.
@Suite struct CloudContractTests {
    func document(_ sandbox: TestSandbox) -> JSONValue { sandbox.request(.GET, "/_sandbox/openapi.json").json }

    func body(_ operation: JSONValue?) -> JSONValue? { operation?["requestBody"]?["content"]?["application/json"]?["schema"] }

    @Test func theCreateOperationListsItsBodyWithRequiredFieldsEnumsAndRanges() throws {
        let sandbox = try TestSandbox()
        let document = document(sandbox)
        let create = document["paths"]?["/api/v1/datacenter/server"]?["post"]
        let schema = body(create)
        #expect(schema?["properties"]?.objectValue?.keys
            == ["template", "cpuCores", "mem", "disk", "ipCount", "location", "hostname", "sshKey"])
        #expect(schema?["required"] == ["template", "cpuCores", "mem", "disk", "ipCount"])
        #expect(schema?["properties"]?["template"]?["enum"] == sandbox.request(.GET, "/api/v1/datacenter/templates").result)
        let locations = sandbox.request(.GET, "/api/v1/datacenter/location").result.arrayValue?.compactMap { $0["id"] }
        #expect(schema?["properties"]?["location"]?["enum"] == locations.map { .array($0) })
        #expect(schema?["properties"]?["cpuCores"]?["minimum"] == 1)
        #expect(schema?["properties"]?["cpuCores"]?["maximum"] == 32)
        #expect(schema?["properties"]?["disk"]?["examples"] == ["25G"])
        let answer = create?["responses"]?["200"]?["content"]?["application/json"]?["schema"]
        #expect(answer?["properties"]?["result"]?["$ref"] == "#/components/schemas/QueuedJob")
        let status = document["components"]?["schemas"]?["VirtualServerStatus"]
        #expect(status?["properties"]?.objectValue?.keys == ["cpu", "mem", "memfree", "netin", "netout", "uptime", "state"])
        #expect(status?["additionalProperties"] == false)
    }

    @Test func softwareInstallDeclaresEveryWayToNameTheServer() throws {
        let sandbox = try TestSandbox()
        let schema = body(document(sandbox)["paths"]?["/api/v1/software/install"]?["post"])
        #expect(schema?["properties"]?.objectValue?.keys == ["sid", "ip", "sid|ip", "package", "password", "port"])
        #expect(schema?["required"] == ["package", "password"])
        let packages = sandbox.request(.GET, "/api/v1/software/list").result.arrayValue?.compactMap { $0["package"] }
        #expect(schema?["properties"]?["package"]?["enum"] == packages.map { .array($0) })
        #expect(schema?["properties"]?["port"]?["maximum"] == 65_535)
        #expect(schema?["allOf"] == [["anyOf": [["required": ["sid"]], ["required": ["ip"]], ["required": ["sid|ip"]]]]])
    }

    @Test func aSoftwareRequestNamingNoServerIsToldSoWithItsOtherFields() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.POST, "/api/v1/software/uninstall", json: ["package": "emacs", "password": "x"])
        #expect(response.status == 400)
        #expect(response.json["error"]?.stringValue?.hasPrefix("package must be one of GET /software/list") == true)
        #expect(response.json["error"]?.stringValue?.hasSuffix(
            "; sid|ip is required: the server ID (sid) or one of its IP addresses (ip)") == true)
    }

    /// Every cloud operation answers a declared shape, never an empty schema.
    @Test func everyCloudOperationHasATypedSuccessAnswer() throws {
        let sandbox = try TestSandbox()
        let paths = document(sandbox)["paths"]?.objectValue?.entries ?? []
        let cloud = paths.filter { path in
            ["/api/v1/datacenter/server", "/api/v1/software", "/api/v1/datacenter/templates", "/api/v1/datacenter/location"]
                .contains { path.key.hasPrefix($0) }
        }
        #expect(cloud.count >= 25)
        for (path, item) in cloud {
            for (method, operation) in item.objectValue?.entries ?? [] {
                let success = operation["responses"]?.objectValue?.entries.first { $0.key.hasPrefix("2") }?.value
                let schema = success?["content"]?["application/json"]?["schema"]
                #expect(schema?["properties"] != nil, "\(method) \(path)")
            }
        }
    }

    @Test func formPostsTextNumbersAndWordBooleansAreRead() throws {
        let sandbox = try TestSandbox()
        sandbox.setTenant(permissions: ["outgoingMail"])
        let id = sandbox.runningVM()
        #expect(sandbox.request(.PUT, sandbox.server(id, "change"), form: "cpuCores=4&disk=30").json == ["result": true])
        #expect(sandbox.config(id)["cpuCores"] == 4)
        #expect(sandbox.config(id)["disk"] == "30G")
        #expect(sandbox.request(.PUT, sandbox.server(id, "change"), json: ["mem": "4096", "ipCount": "2"]).json == ["result": true])
        #expect(sandbox.config(id)["mem"] == 4096)
        let outgoing = sandbox.server(id, "firewall/outgoing_mails")
        #expect(sandbox.request(.POST, outgoing, json: ["deny": "off"]).json == ["result": true])
        let reset = sandbox.request(.PUT, sandbox.server(id, "password/reset"), form: "password=secret99")
        #expect(reset.result["password"] == "secret99")
        #expect(sandbox.request(.POST, sandbox.server(id, "delete"), json: ["force": "yes"]).json == ["result": true])
        #expect(sandbox.serverIDs().isEmpty)
    }

    /// The fields are checked before the server is looked up: a request with bad fields for
    /// a missing server is told about its fields.
    @Test func invalidFieldsAreNamedBeforeTheServerIsLookedUp() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, "/api/v1/software/install", json: ["sid": 999_999, "package": "emacs", "password": "", "port": "ssh"])
        #expect(response.status == 400)
        let message = response.json["error"]?.stringValue ?? ""
        #expect(message.hasPrefix("package must be one of GET /software/list"))
        #expect(message.contains("; password is required; "))
        #expect(message.hasSuffix("; port must be an integer between 1 and 65535"))
    }

    @Test func aScenarioVMIsReadThroughTheCreateDeclaration() throws {
        let sandbox = try TestSandbox()
        let document: JSONValue = [
            "version": 1,
            "tenants": [["token": "t", "vms": [["hostname": "web1.example.com", "template": "Debian11", "cpuCores": 99]]]],
        ]
        let refused = sandbox.request(.POST, "/_sandbox/scenarios", token: .some(nil), json: document)
        #expect(refused.status == 400)
        #expect(refused.json["field"] == "tenants[0].vms[0].cpuCores")
        #expect(refused.json["error"]?.stringValue?.contains("cpuCores must be an integer between 1 and 32") == true)
        let task: JSONValue = [
            "version": 1,
            "tenants": [["token": "t", "vms": [[
                "hostname": "web1.example.com", "template": "Debian11", "scheduledTasks": [["command": "dance", "interval": "daily"]],
            ]]]],
        ]
        #expect(sandbox.request(.POST, "/_sandbox/scenarios", token: .some(nil), json: task).json["field"]
            == "tenants[0].vms[0].scheduledTasks[0].command")
    }
}
