import HTTP1
import SandboxTesting
import StructuredData
import Testing

/// Another tenant's VM is a 404 on every per-VM endpoint, exactly like a missing one, and
/// the owner's VM is untouched afterwards.
@Suite struct TenantIsolationTests {
    static let endpoints: [(method: HTTPMethod, path: String, body: JSONValue?)] = [
        (.GET, "status", nil), (.GET, "config", nil), (.GET, "console", nil), (.GET, "incidents", nil),
        (.PUT, "start", nil), (.PUT, "shutdown", nil), (.PUT, "stop", nil), (.PUT, "reboot", nil),
        (.PUT, "reset", nil), (.PUT, "reboot/force", nil),
        (.PUT, "change", ["cpuCores": 4]), (.POST, "delete", ["force": true]),
        (.PUT, "reinstall", [:]), (.PUT, "password/reset", ["password": "secret99"]),
        (.POST, "rdns", ["ip": "185.244.1.2", "hostname": "mail.example.com"]),
        (.POST, "firewall/outgoing_mails", ["deny": false]),
    ]

    @Test(arguments: 0..<endpoints.count)
    func anotherTenantGets404(index: Int) throws {
        let endpoint = Self.endpoints[index]
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let intruder = "intruder-\(sandbox.token)"
        sandbox.request(.POST, "/_sandbox/tenants", json: ["token": .string(intruder), "permissions": ["outgoingMail"]])
        let path = "/api/v1/datacenter/server/\(id)/\(endpoint.path)"
        let foreign = sandbox.request(endpoint.method, path, token: .some(intruder), json: endpoint.body)
        #expect(foreign.status == 404, "\(endpoint.method) \(endpoint.path): \(foreign.text)")
        #expect(foreign.json["error"]?.stringValue == "Server \(id) not found")
        let missing = sandbox.request(endpoint.method, "/api/v1/datacenter/server/999999/\(endpoint.path)", json: endpoint.body)
        #expect(missing.status == 404)
        #expect(sandbox.vmState(id) == "running")
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/config").result["cpuCores"] == 2)
    }
}
