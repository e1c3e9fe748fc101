import SandboxTesting
import StructuredData
import Testing

/// The control plane's inputs are declared once: one refusal names every invalid field, the
/// lenient readings still pass, and the OpenAPI document lists the same fields.
@Suite struct ControlContractTests {
    @Test func oneRefusalNamesEveryInvalidField() throws {
        let sandbox = try TestSandbox()
        let fault = sandbox.request(.POST, "/_sandbox/faults", json: ["status": 99, "drop": "sometimes", "probability": 2, "method": "FETCH"])
        #expect(fault.status == 400)
        #expect(fault.json["field"] == "method")
        let message = fault.json["error"]?.stringValue ?? ""
        for rule in ["method must be one of", "status must be an integer between 100 and 599", "drop must be reset or empty",
            "probability must be a number greater than 0"]
        {
            #expect(message.contains(rule), "\(message)")
        }
        let journal = sandbox.request(.GET, "/_sandbox/requests?status=abc&since=yesterday&limit=0")
        #expect(journal.json["error"]?.stringValue?.components(separatedBy: "; ").count == 3, "\(journal.text)")
        let incident = sandbox.request(.POST, "/_sandbox/incidents", json: ["direction": "sideways", "types": [1]])
        #expect(incident.json["error"]?.stringValue?.contains("serverId is required") == true, "\(incident.text)")
        #expect(incident.json["error"]?.stringValue?.contains("direction must be 1 (incoming) or 2 (outgoing)") == true)
    }

    @Test func lenientReadingsStillPass() throws {
        let sandbox = try TestSandbox()
        let tenant = sandbox.request(.POST, "/_sandbox/tenants", form: "token=formy&balance=12.5&permissions[]=outgoingMail")
        #expect(tenant.status == 200, "\(tenant.text)")
        #expect(tenant.json["balance"] == 12.5)
        #expect(tenant.json["permissions"] == ["outgoingMail"])
        #expect(sandbox.request(.PUT, "/_sandbox/clock", json: ["scale": "60", "mode": "realtime"]).json["scale"] == 60.0)
        #expect(sandbox.request(.GET, "/_sandbox/tenants?all=1").json["tenants"]?.arrayValue?.count == 2)
        #expect(sandbox.request(.GET, "/_sandbox/tenants?all=yes", token: .some(nil)).json["tenants"]?.arrayValue?.count == 2)
        #expect(sandbox.request(.GET, "/_sandbox/tenants?all=false", token: "formy").json["tenants"]?.arrayValue?.count == 1)
        let refused = sandbox.request(.GET, "/_sandbox/tenants?all=maybe")
        #expect(refused.status == 400)
        #expect(refused.json["field"] == "all")
        let fault = sandbox.request(.POST, "/_sandbox/faults", form: "method=post&status=503&times=1&path=/api/v1/*")
        #expect(fault.status == 201, "\(fault.text)")
        #expect(fault.json["method"] == "POST")
        #expect(fault.json["times"] == 1)
    }

    @Test func recordedBodiesOfAnyShapeConformToTheJournalEntry() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.POST, "/api/v1/datacenter/server", json: ["template": ["nested": [1, 2.5, true, .null]], "cpuCores": "x"])
        sandbox.request(.POST, "/api/v1/datacenter/server", form: "template=Debian11&password=secret")
        sandbox.request(.POST, "/api/v1/datacenter/server", body: Array("not json at all".utf8))
        let entries = sandbox.request(.GET, "/_sandbox/requests").json["requests"]?.arrayValue ?? []
        #expect(entries.count == 3)
        #expect(entries.last?["requestBody"]?["template"]?["nested"] == [1, 2.5, true, .null])
        #expect(entries.first?["requestBody"] == "not json at all")
    }

    @Test func theDocumentListsTheControlPlaneInputs() throws {
        let sandbox = try TestSandbox()
        let paths = sandbox.request(.GET, "/_sandbox/openapi.json").json["paths"]
        let fault = paths?["/_sandbox/faults"]?["post"]
        let body = fault?["requestBody"]?["content"]?["application/json"]?["schema"]
        #expect(body?["properties"]?["drop"]?["enum"] == ["reset", "empty"])
        #expect(body?["properties"]?["status"]?["minimum"] == 100)
        #expect(body?["properties"]?["method"]?["enum"]?.arrayValue?.contains("*") == true)
        #expect(fault?["responses"]?["201"]?["content"]?["application/json"]?["schema"]?["$ref"] == "#/components/schemas/SandboxFaultRule")
        let advance = paths?["/_sandbox/clock/advance"]?["post"]?["requestBody"]?["content"]?["application/json"]?["schema"]
        #expect(advance?["required"] == ["seconds"])
        func query(_ path: String, _ method: String) -> [String] {
            paths?[path]?[method]?["parameters"]?.arrayValue?.compactMap { $0["in"] == "query" ? $0["name"]?.stringValue : nil } ?? []
        }
        #expect(query("/_sandbox/requests", "get") == ["all", "method", "path", "status", "since", "limit"])
        #expect(query("/_sandbox/events", "get") == ["all", "after", "limit", "wait"])
        #expect(query("/_sandbox/jobs", "get") == ["all", "active"])
        let all = paths?["/_sandbox/tenants"]?["get"]?["parameters"]?.arrayValue?.first
        #expect(all?["schema"]?["type"] == "boolean")
        #expect(all?["required"] == false)
        let snapshot = paths?["/_sandbox/state"]?["put"]?["requestBody"]?["content"]?["application/json"]?["schema"]
        #expect(snapshot?["description"]?.stringValue?.contains("docs/snapshots.md") == true)
        let export = paths?["/_sandbox/state"]?["get"]?["responses"]?["200"]?["content"]?["application/json"]?["schema"]
        #expect(export?["type"] == "object")
        #expect(paths?["/_sandbox/scenarios"]?["post"]?["requestBody"]?["required"] == true)
        #expect(paths?["/_sandbox/"]?["get"]?["responses"]?["200"]?["content"]?["text/html"] != nil)
    }

    /// A fault's body is passed on as sent: an empty text is an empty answer, not "no body".
    @Test func aFaultsEmptyTextBodyIsKept() throws {
        let sandbox = try TestSandbox()
        sandbox.checksContract = false
        let rule = sandbox.request(.POST, "/_sandbox/faults", json: ["path": "/api/v1/datacenter/templates", "status": 503, "body": ""])
        #expect(rule.status == 201)
        #expect(rule.json["body"] == "")
        let answer = sandbox.request(.GET, "/api/v1/datacenter/templates")
        #expect(answer.status == 503)
        #expect(answer.body.isEmpty)
    }

    @Test func aClockChangeNeedsOneOfItsFieldsAndAScaleAboveZero() throws {
        let sandbox = try TestSandbox()
        let empty = sandbox.request(.PUT, "/_sandbox/clock", json: [:])
        #expect(empty.status == 400)
        #expect(empty.json["error"] == "send at least one of mode, scale, now")
        let zero = sandbox.request(.PUT, "/_sandbox/clock", json: ["scale": 0])
        #expect(zero.json["error"] == "scale must be a number greater than 0 and at most 1000000")
        let document = sandbox.request(.GET, "/_sandbox/openapi.json").json
        let body = document["paths"]?["/_sandbox/clock"]?["put"]?["requestBody"]?["content"]?["application/json"]?["schema"]
        #expect(body?["properties"]?["scale"]?["exclusiveMinimum"] == 0.0)
        #expect(body?["allOf"]?.arrayValue?.first?["anyOf"]?.arrayValue?.count == 3)
    }
}
