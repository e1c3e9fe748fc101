import SQLiteStore
@testable import SandboxCore
import SandboxTesting
import StructuredData
import Testing

/// Resets delete a tenant's rows table by table in slices: nothing of the tenant may stay
/// behind in any table, and nothing of another tenant may go.
@Suite struct ResetTests {
    func rows(_ sandbox: TestSandbox, tenantId: Int) throws -> Int {
        try sandbox.application.runtime.database.read { connection in
            try Snapshot.tenantTables(connection).reduce(0) { total, table in
                total + (try connection.first("SELECT COUNT(*) AS n FROM \"\(table.name)\" WHERE tenant_id = ?", tenantId)?.int("n") ?? 0)
            }
        }
    }

    func tenantId(_ sandbox: TestSandbox, _ token: String) throws -> Int {
        try #require(try sandbox.application.runtime.database.read { try TenantTable.find(token: token, in: $0)?.id })
    }

    func busyWorld(_ sandbox: TestSandbox, token: String) {
        let vm = sandbox.createVM(token: token)
        sandbox.advance(seconds: 130, token: token)
        sandbox.request(.POST, "/api/v1/datacenter/server/\(vm.id)/scheduled", token: .some(token), json: ["command": "BACKUP", "interval": "DAILY"])
        sandbox.advance(seconds: 3 * 86_400, token: token)
    }

    @Test func aTenantResetLeavesNoRowAndSparesOthers() throws {
        let sandbox = try TestSandbox()
        busyWorld(sandbox, token: "reset-a")
        busyWorld(sandbox, token: "reset-b")
        let a = try tenantId(sandbox, "reset-a"), b = try tenantId(sandbox, "reset-b")
        let before = try rows(sandbox, tenantId: b)
        #expect(try rows(sandbox, tenantId: a) > 10)
        #expect(sandbox.request(.POST, "/_sandbox/reset", token: "reset-a").status == 200)
        #expect(try rows(sandbox, tenantId: a) == 0)
        #expect(try rows(sandbox, tenantId: b) == before)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server", token: "reset-a").result == [])
    }

    @Test func tablesAreErasedChildrenFirst() throws {
        let sandbox = try TestSandbox()
        let (order, references) = try sandbox.application.runtime.database.read { connection in
            let order = try TableOrder.childrenFirst(connection)
            let references = try order.map { table in
                try connection.query("SELECT \"table\" AS parent FROM pragma_foreign_key_list(?)", [table]).map { try $0.string("parent") }
            }
            return (order, references)
        }
        #expect(order.contains("jobs") && order.contains("server_backups"))
        for (index, parents) in references.enumerated() {
            for parent in parents where parent != order[index] {
                if let position = order.firstIndex(of: parent) { #expect(position > index, "\(order[index]) refers to \(parent)") }
            }
        }
    }
}
