import Dispatch
import Foundation
import SQLiteStore
import SandboxCore
import SandboxTesting
import StructuredData
import Testing

/// A tenant's snapshot import runs in slices: others are answered between them, while the
/// importing tenant's own requests wait for the end. The import is held between two slices
/// by a hook, at the point where the tenant's VMs are deleted and the snapshot's (but the
/// one that goes in first) not yet inserted, so nothing here depends on timing.
@Suite struct ImportFairnessTests {
    /// The tenant's stored rows of `table`, read between slices (outside any transaction).
    static func stored(_ table: String, _ sandbox: TestSandbox) -> Int {
        (try? sandbox.application.runtime.database.read { connection in
            try connection.first(
                "SELECT count(*) AS n FROM \(table) r JOIN tenants t ON t.id = r.tenant_id WHERE t.token = ?", sandbox.token
            )?.int("n")
        }) ?? -1
    }

    /// Runs `send` on a thread of its own; the box holds the answer once the semaphore is signalled.
    static func inBackground(_ send: @escaping @Sendable () -> TestResponse?) -> (Box<TestResponse>, DispatchSemaphore) {
        let answer = Box<TestResponse>(), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            answer.value = send()
            done.signal()
        }
        return (answer, done)
    }

    @Test func othersAreAnsweredWhileAnImportRunsAndTheTenantWaits() throws {
        let sandbox = try TestSandbox()
        let first = sandbox.createVM(), second = sandbox.createVM()
        sandbox.advance(seconds: 130)
        let snapshot = sandbox.request(.GET, "/_sandbox/state").body
        _ = sandbox.createVM()
        let held = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let entered = Box<Bool>()
        sandbox.application.runtime.betweenSlices = { [sandbox] in
            // One VM left: the snapshot's highest, in place; the tenant's others deleted.
            guard entered.value == nil, Self.stored("virtual_servers", sandbox) == 1 else { return }
            entered.value = true
            held.signal()
            release.wait()
        }
        let (imported, importDone) = Self.inBackground { [port = sandbox.port, token = sandbox.token] in
            try? HTTPTestClient(port: port).send(
                .PUT, "/_sandbox/state", headers: ["Authorization": "Bearer \(token)"], body: snapshot)
        }
        try #require(held.wait(timeout: .now() + 60) == .success, "the import never got between its VMs' deletion and insertion")

        // Held midway: another tenant, a 404 and the control plane are answered.
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates", token: "import-other").status == 200)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server", token: "import-other").status == 200)
        #expect(sandbox.request(.GET, "/nothing/here").status == 404)
        #expect(sandbox.request(.GET, "/_sandbox/clock", token: "import-other").status == 200)

        // The importing tenant's own read waits in its lane instead of seeing half the VMs.
        let (own, ownDone) = Self.inBackground { [port = sandbox.port, token = sandbox.token] in
            try? HTTPTestClient(port: port).send(
                .GET, "/api/v1/datacenter/server", headers: ["Authorization": "Bearer \(token)"], body: [])
        }
        #expect(waitUntil { sandbox.application.runtime.waitingRequests(token: sandbox.token) == 1 })
        #expect(imported.value == nil)

        release.signal()
        #expect(importDone.wait(timeout: .now() + 60) == .success)
        #expect(ownDone.wait(timeout: .now() + 10) == .success)
        #expect(imported.value?.status == 200, "\(imported.value?.text ?? "")")
        #expect(own.value?.status == 200)
        let listed = own.value?.result.arrayValue?.compactMap(\.intValue)
        #expect(listed == [Int64(first.id), Int64(second.id)])
    }

    /// ID counters move past the snapshot's IDs before its rows go in: a VM that another
    /// tenant creates midway (after `reset?all=true` restarted the counters) takes none of them.
    @Test func othersNewObjectsMidwayTakeNoneOfTheSnapshotsIDs() throws {
        let sandbox = try TestSandbox()
        let first = sandbox.createVM(), second = sandbox.createVM()
        let snapshot = sandbox.request(.GET, "/_sandbox/state").body
        sandbox.request(.POST, "/_sandbox/reset?all=true")
        let created = Box<TestResponse>()
        sandbox.application.runtime.betweenSlices = { [sandbox] in
            guard created.value == nil, Self.stored("virtual_servers", sandbox) > 0 else { return }
            created.value = try? HTTPTestClient(port: sandbox.port).send(
                .POST, "/api/v1/datacenter/server",
                headers: ["Authorization": "Bearer import-other", "Content-Type": "application/json"],
                body: JSONWriter.bytes(smallVM))
        }
        let imported = sandbox.request(.PUT, "/_sandbox/state", body: snapshot)
        #expect(imported.status == 200, "\(imported.text)")
        #expect(created.value?.status == 200, "\(created.value?.text ?? "no VM created midway")")
        #expect(sandbox.serverIDs() == [first.id, second.id])
        let theirs = sandbox.serverIDs(token: "import-other")
        #expect(theirs.count == 1 && !theirs.contains(first.id) && !theirs.contains(second.id))
    }

    @Test func aRowThatIsAnotherTenantsIsRefusedAndNothingChanges() throws {
        let sandbox = try TestSandbox()
        let mine = sandbox.createVM()
        let snapshot = sandbox.request(.GET, "/_sandbox/state").body
        let theirs = sandbox.createVM(token: "import-second")
        let refused = sandbox.request(.PUT, "/_sandbox/state", token: "import-second", body: snapshot)
        #expect(refused.status == 400)
        #expect(refused.json["field"] == "tables")
        let message = refused.json["error"]?.stringValue ?? ""
        #expect(message.contains("the row with id=") && message.contains("is another tenant's"), "\(refused.text)")
        #expect(sandbox.serverIDs(token: "import-second") == [theirs.id])
        #expect(sandbox.serverIDs() == [mine.id])
    }

    /// An event ID of the snapshot's is taken by another tenant after the checks (between
    /// two slices): the import cannot finish, and the tenant is left empty, saying so.
    @Test func aFailureMidwayLeavesTheTenantEmptyAndSaysSo() throws {
        let sandbox = try TestSandbox()
        _ = sandbox.createVM()
        let snapshot = sandbox.request(.GET, "/_sandbox/state")
        let events = snapshot.json["tables"]?["events"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
        try #require(events.count >= 2, "the lowest event ID is taken, the highest goes in first")
        _ = sandbox.request(.GET, "/_sandbox/clock", token: "import-thief")
        let database = sandbox.application.runtime.database
        let taken = Box<Bool>()
        sandbox.application.runtime.betweenSlices = { [sandbox] in
            // One event left: the snapshot's highest, in place; the tenant's others deleted.
            guard taken.value == nil, Self.stored("events", sandbox) == 1 else { return }
            taken.value = true
            _ = try? database.write { connection in
                try connection.run(
                    """
                    INSERT INTO events (id, tenant_id, resource_type, resource_id, to_state, at)
                    SELECT ?, id, 'none', 0, 'stolen', 0 FROM tenants WHERE token = 'import-thief'
                    """, events.min() ?? 0)
            }
        }
        let failed = sandbox.request(.PUT, "/_sandbox/state", body: snapshot.body)
        #expect(taken.value == true)
        #expect(failed.status == 409, "\(failed.text)")
        #expect(failed.json["error"]?.stringValue?.contains("the tenant's world is now empty") == true, "\(failed.text)")
        #expect(sandbox.serverIDs().isEmpty)
        #expect(sandbox.request(.GET, "/_sandbox/clock").status == 200)
    }
}
