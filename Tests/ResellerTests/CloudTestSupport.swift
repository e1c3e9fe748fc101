import SandboxTesting
import StructuredData
import Testing

/// A small VM order used across the cloud tests.
let smallVM: JSONValue = ["template": "Debian10.0", "cpuCores": 2, "mem": 2048, "disk": "25G", "ipCount": 1]

extension TestSandbox {
    /// Creates a VM and returns its ID and the install job's ID (the VM is `installing`).
    func createVM(_ order: JSONValue = smallVM, token: String? = nil) -> (id: Int, jobId: Int) {
        let before = Set(serverIDs(token: token))
        let response = request(.POST, "/api/v1/datacenter/server", token: .some(token ?? self.token), json: order)
        #expect(response.status == 200, "\(response.text)")
        let id = serverIDs(token: token).first { !before.contains($0) } ?? -1
        return (id, Int(response.result["jobId"]?.intValue ?? -1))
    }

    /// Creates a VM and advances the clock until its install has finished (the VM runs).
    func runningVM(_ order: JSONValue = smallVM, token: String? = nil) -> Int {
        let vm = createVM(order, token: token)
        advance(seconds: 130, token: token)
        return vm.id
    }

    func serverIDs(token: String? = nil) -> [Int] {
        request(.GET, "/api/v1/datacenter/server", token: .some(token ?? self.token)).result.arrayValue?
            .compactMap { $0.intValue.map(Int.init) } ?? []
    }

    func vmState(_ id: Int) -> String? {
        request(.GET, "/api/v1/datacenter/server/\(id)/status").result["state"]?.stringValue
    }
}

extension JSONValue {
    /// The strings of an array value (empty for anything else).
    var strings: [String] { arrayValue?.compactMap(\.stringValue) ?? [] }
}

extension TestSandbox {
    /// The tenant's balance in EUR, from the control plane.
    func balance(token: String? = nil) -> Double {
        let tenants = request(.GET, "/_sandbox/tenants", token: .some(token ?? self.token)).json["tenants"]
        return tenants?.arrayValue?.first?["balance"]?.doubleValue ?? -1
    }

    /// Sets balance and/or permissions of the sandbox's tenant through the control plane.
    func setTenant(balance: Double? = nil, permissions: [String]? = nil) {
        var body: JSONObject = ["token": .string(token)]
        if let balance { body["balance"] = .double(balance) }
        if let permissions { body["permissions"] = .array(permissions.map { .string($0) }) }
        request(.POST, "/_sandbox/tenants", json: .object(body))
    }
}
