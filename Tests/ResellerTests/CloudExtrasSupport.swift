import SandboxTesting
import StructuredData
import Testing

/// Helpers of the backup, ISO, scheduled-task and software tests.
extension TestSandbox {
    /// Moves this tenant's clock forward to `iso` (e.g. `2030-01-01T00:00:00Z`).
    func setNow(_ iso: String, token: String? = nil) {
        let response = request(.PUT, "/_sandbox/clock", token: .some(token ?? self.token), json: ["now": .string(iso)])
        #expect(response.status == 200, "\(response.text)")
    }

    func server(_ id: Int, _ path: String) -> String { "/api/v1/datacenter/server/\(id)/\(path)" }

    func backups(_ id: Int) -> [Int64] {
        request(.GET, server(id, "backups/list")).result.arrayValue?.compactMap(\.intValue) ?? []
    }

    func backupStatus(_ id: Int) -> JSONValue { request(.GET, server(id, "backups/status")).result }

    func job(_ id: Int) -> JSONValue { request(.GET, "/api/v1/job/\(id)").result }

    func config(_ id: Int) -> JSONValue { request(.GET, server(id, "config")).result }

    /// The root password the install job reported.
    func rootPassword(installJob: Int) -> String { job(installJob)["output"]?["password"]?.stringValue ?? "" }

    /// A running VM and its root password.
    func runningVMWithPassword(token: String? = nil) -> (id: Int, password: String) {
        let vm = createVM(token: token)
        advance(seconds: 130, token: token)
        let output = request(.GET, "/api/v1/job/\(vm.jobId)", token: .some(token ?? self.token)).result["output"]
        return (vm.id, output?["password"]?.stringValue ?? "")
    }

    func software(_ id: Int) -> [JSONValue] { request(.GET, server(id, "software")).result.arrayValue ?? [] }

    func tasks(_ id: Int) -> [JSONValue] { request(.GET, server(id, "scheduled")).result.arrayValue ?? [] }

    /// Another tenant of the same sandbox.
    func intruder() -> String {
        let token = "intruder-\(self.token)"
        request(.POST, "/_sandbox/tenants", json: ["token": .string(token)])
        return token
    }
}
