import SandboxTesting
import StructuredData
import Testing

/// Snapshot and scenario uploads have a limit of their own (`--max-snapshot`, default 1 GiB)
/// and are read from a file, so a snapshot larger than `--max-body` imports at the defaults.
@Suite struct SnapshotSizeTests {
    /// Whitespace is valid JSON around a document: an export made several MiB long without
    /// building a world that large (scripts/crash and the README measure real ones).
    static func padded(_ snapshot: [UInt8], to size: Int) -> [UInt8] {
        snapshot + [UInt8](repeating: UInt8(ascii: " "), count: max(0, size - snapshot.count))
    }

    @Test func snapshotsLargerThanMaxBodyImportAtTheDefaults() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        let tenant = Self.padded(sandbox.request(.GET, "/_sandbox/state").body, to: 3 << 20)
        sandbox.request(.POST, "/_sandbox/reset")
        let imported = sandbox.request(.PUT, "/_sandbox/state", body: tenant)
        #expect(imported.status == 200, "\(imported.text)")
        #expect(sandbox.serverIDs() == [vm.id])

        let all = Self.padded(sandbox.request(.GET, "/_sandbox/state?all=true").body, to: 3 << 20)
        sandbox.request(.POST, "/_sandbox/reset?all=true")
        let everything = sandbox.request(.PUT, "/_sandbox/state?all=true", body: all)
        #expect(everything.status == 200, "\(everything.text)")
        #expect(sandbox.serverIDs() == [vm.id])

        // The emulated APIs keep --max-body (1 MiB).
        let order = sandbox.request(
            .POST, "/api/v1/datacenter/server", body: Self.padded(Array("{}".utf8), to: 2 << 20),
            headers: [("Content-Type", "application/json")])
        #expect(order.status == 413)
    }

    @Test func aSnapshotAboveMaxSnapshotIsRefusedAndChangesNothing() throws {
        let sandbox = try TestSandbox { $0.maxSnapshotBytes = 64 * 1024 }
        let vm = sandbox.createVM()
        let snapshot = sandbox.request(.GET, "/_sandbox/state").body
        let refused = sandbox.request(.PUT, "/_sandbox/state", body: Self.padded(snapshot, to: 64 * 1024 + 1))
        #expect(refused.status == 413)
        #expect(sandbox.serverIDs() == [vm.id])
        let scenario = sandbox.request(.POST, "/_sandbox/scenarios", token: .some(nil), body: Self.padded(Array("{}".utf8), to: 64 * 1024 + 1))
        #expect(scenario.status == 413)
        // Within the limit, and above --max-body's 1 MiB default were it lower: imported.
        #expect(sandbox.request(.PUT, "/_sandbox/state", body: Self.padded(snapshot, to: 64 * 1024)).status == 200)
    }

    /// The gate is asked at the request's head: a caller it refuses gets `--max-body`, so it
    /// cannot make the server write a large body to disk before its refusal.
    @Test func aCallerTheGateRefusesGetsTheAPIsBodyLimit() throws {
        let sandbox = try TestSandbox { $0.adminToken = "s3cret" }
        let large = Self.padded(Array("{}".utf8), to: 2 << 20)
        #expect(sandbox.request(.PUT, "/_sandbox/state", body: large).status == 413)
        #expect(sandbox.request(.PUT, "/_sandbox/state", body: Array("{}".utf8)).status == 401)
        let admitted = sandbox.request(.PUT, "/_sandbox/state", body: large, headers: [("X-Sandbox-Admin-Token", "s3cret")])
        #expect(admitted.status == 400, "\(admitted.text)")
    }
}
