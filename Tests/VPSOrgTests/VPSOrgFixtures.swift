import SandboxTesting
import StructuredData
import Testing

/// The document's create example, and shortcuts shared by the VPS.org tests.
extension TestSandbox {
    static let exampleOrder: JSONValue = [
        "name": "web-server-02", "plan_id": 1, "os_id": 5, "location": "us-west",
        "hostname": "web02.example.com", "backups_enabled": true,
    ]

    /// Orders a server and returns its ID (0 if the order failed, which the caller's expectations catch).
    @discardableResult
    func orderServer(_ order: JSONValue = TestSandbox.exampleOrder, token: String? = nil) -> Int {
        let response = request(.POST, "/api/v1/servers/", token: token.map { .some($0) } ?? .none, json: order)
        #expect(response.status == 201, "order failed: \(response.text)")
        return Int(response.json["id"]?.intValue ?? 0)
    }

    /// Orders a server and advances the clock until it is active.
    @discardableResult
    func activeServer(token: String? = nil) -> Int {
        let id = orderServer(token: token)
        advance(seconds: 300, token: token)
        return id
    }

    func server(_ id: Int, token: String? = nil) -> TestResponse {
        request(.GET, "/api/v1/servers/\(id)/", token: token.map { .some($0) } ?? .none)
    }
}

extension JSONValue {
    /// The first message of a DRF field error list.
    var firstMessage: String? { arrayValue?.first?.stringValue }
}

/// The catalogue as the clients read it.
extension TestSandbox {
    /// Every page's results of a VPS.org list.
    func results(_ path: String, token: String? = nil) -> [JSONValue] {
        request(.GET, path, token: token.map { .some($0) } ?? .none).json["results"]?.arrayValue ?? []
    }

    /// The uuid of the plan with the documented `id`.
    func planUUID(_ id: Int) -> String {
        results("/api/v1/plans/?page_size=100").first { $0["id"] == .int(Int64(id)) }?["uuid"]?.stringValue ?? ""
    }

    /// The uuid of the OS version the documented `os_id` names.
    func osVersionUUID(_ id: Int) -> String {
        results("/api/v1/operating-systems/?page_size=100").flatMap { $0["versions"]?.arrayValue ?? [] }
            .first { $0["id"] == .int(Int64(id)) }?["uuid"]?.stringValue ?? ""
    }

    /// `vps_mcp`'s `create_server` body: Starter VPS, Ubuntu 22.04 LTS, Los Angeles.
    func clientOrder(hostname: String = "my-server") -> JSONValue {
        ["hostname": .string(hostname), "location": 1, "plan": .string(planUUID(3)), "os_version": .string(osVersionUUID(5))]
    }

    func balance(token: String? = nil) -> JSONValue {
        request(.GET, "/_sandbox/tenants", token: token.map { .some($0) } ?? .none).json["tenants"]?.arrayValue?.first?["balance"]
            ?? .null
    }
}

/// The clients' server actions.
extension TestSandbox {
    /// Creates a server in the clients' dialect, advances until it is active, and answers its uuid.
    func activeClientServer(token: String? = nil) -> String {
        let created = request(.POST, "/api/v1/servers/", token: token.map { .some($0) } ?? .none, json: clientOrder())
        #expect(created.status == 201, "order failed: \(created.text)")
        advance(seconds: 300, token: token)
        return created.json["uuid"]?.stringValue ?? ""
    }

    /// `POST /servers/{uuid}/{action}/` with a JSON body, or none.
    func act(_ uuid: String, _ action: String, _ body: JSONValue? = nil, token: String? = nil) -> TestResponse {
        request(
            .POST, "/api/v1/servers/\(uuid)/\(action)/", token: token.map { .some($0) } ?? .none, json: body,
            headers: body == nil ? [("Content-Type", "application/json")] : [])
    }

    func detail(_ uuid: String, token: String? = nil) -> JSONValue {
        request(.GET, "/api/v1/servers/\(uuid)/", token: token.map { .some($0) } ?? .none).json
    }

    /// The tenant's events since the start.
    func events() -> [JSONValue] {
        request(.GET, "/_sandbox/events?wait=0").json["events"]?.arrayValue ?? []
    }
}
