import SQLiteStore
@testable import SandboxCore
import Testing

/// A request's tenant may come from the row cache only while no row has changed since it was
/// read: whatever changed the tenant, committed or rolled back, the next request reads it anew.
@Suite struct TenantRowCacheTests {
    struct Refusal: Error {}

    func makeRuntime() throws -> SandboxRuntime { try SchedulerTests().makeRuntime() }

    func balance(_ runtime: SandboxRuntime, _ token: String) throws -> Double {
        try runtime.perform(token: token) { $0.tenant.balance }
    }

    @Test func aChangedTenantIsReadAnew() throws {
        let runtime = try makeRuntime()
        #expect(try balance(runtime, "cached") == 10_000)
        #expect(try balance(runtime, "cached") == 10_000)
        _ = try runtime.upsertTenant(token: "cached", balance: 12.5, permissions: nil)
        #expect(try balance(runtime, "cached") == 12.5)
    }

    @Test func aRolledBackChangeIsNotServed() throws {
        let runtime = try makeRuntime()
        #expect(try balance(runtime, "rolled") == 10_000)
        #expect(throws: Refusal.self) {
            try runtime.perform(token: "rolled") { context in
                try context.connection.run("UPDATE tenants SET balance_cents = 1 WHERE id = ?", context.tenantId)
                throw Refusal()
            }
        }
        #expect(try balance(runtime, "rolled") == 10_000)
    }

    @Test func aTenantCreatedInARolledBackTransactionIsGone() throws {
        let runtime = try makeRuntime()
        #expect(throws: Refusal.self) {
            try runtime.perform(token: "phantom") { _ in throw Refusal() }
        }
        #expect(try runtime.database.read { try TenantTable.find(token: "phantom", in: $0) } == nil)
        _ = try runtime.upsertTenant(token: "phantom", balance: 3, permissions: nil)
        #expect(try balance(runtime, "phantom") == 3)
    }

    @Test func aResetTenantStartsAfresh() throws {
        let runtime = try makeRuntime()
        _ = try runtime.upsertTenant(token: "reset", balance: 7, permissions: nil)
        #expect(try balance(runtime, "reset") == 7)
        try runtime.resetTenant(token: "reset")
        #expect(try balance(runtime, "reset") == 10_000)
    }
}
