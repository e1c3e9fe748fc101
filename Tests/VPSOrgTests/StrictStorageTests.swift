import SQLiteStore
import SandboxTesting
import StructuredData
import Testing

/// VPS.org reports a stored value it does not know as a 500 in DRF's `{"detail": ...}`.
@Suite struct StrictStorageTests {
    @Test func anUnknownServerStatusIsA500NamingIt() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.activeServer()
        try sandbox.application.runtime.database.write {
            try $0.run("UPDATE vpsorg_servers SET status = 'melted' WHERE id = ?", id)
        }
        let response = sandbox.request(.GET, "/api/v1/servers/\(id)/")
        #expect(response.status == 500)
        let detail = response.json["detail"]?.stringValue ?? ""
        #expect(detail.contains("vpsorg_servers.status holds 'melted'"), "\(detail)")
    }
}
