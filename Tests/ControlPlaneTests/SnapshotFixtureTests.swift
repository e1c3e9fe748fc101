import Foundation
import SandboxTesting
import StructuredData
import Testing

/// `Fixtures/snapshot-v1.json` was exported by the first released schema (VMs installed and
/// installing, a backup, a scheduled task, software, a dedicated order, a BYOD order and a
/// VPS.org server, on a manual clock). Every later version must import it: never regenerate
/// it, add a newer fixture beside it instead.
@Suite struct SnapshotFixtureTests {
    static func fixture() throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/snapshot-v1.json")
        return Array(try Data(contentsOf: url))
    }

    func expectFixtureWorld(_ sandbox: TestSandbox) {
        #expect(sandbox.serverIDs() == [4001, 4002])
        #expect(sandbox.request(.GET, "/_sandbox/clock").json["now"] == "2026-01-01T00:04:10Z")
        #expect(sandbox.request(.GET, "/api/v1/job/1").json["result"]?["status"] == "finished")
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/4002/status").json["result"]?["state"] == "installing")
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/4001/scheduled").json["result"]?.arrayValue?.count == 1)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/dedicated").json["result"]?.arrayValue?.first?["id"] == 9)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/dedicated/order/byod/status/100").status == 200)
        #expect(sandbox.request(.GET, "/api/v1/servers/12345/").json["status"] == "provisioning")
        // The imported jobs and timers run on: the install, the backup and the software finish.
        sandbox.advance(seconds: 600)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/4002/status").json["result"]?["state"] == "running")
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/4001/backups/list").json["result"]?.arrayValue?.count == 1)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/4001/software").json["result"]?.arrayValue?.first?["status"] == "installed")
        #expect(sandbox.request(.GET, "/api/v1/servers/12345/").json["status"] == "active")
        // Imported sequences: new objects get new IDs.
        #expect(sandbox.createVM().id == 4003)
    }

    @Test func theCommittedSnapshotImportsAndItsObjectsAreVisible() throws {
        let sandbox = try TestSandbox()
        let imported = sandbox.request(.PUT, "/_sandbox/state", body: try Self.fixture())
        #expect(imported.status == 200, "\(imported.text)")
        expectFixtureWorld(sandbox)
    }

    @Test func aNewerSnapshotFormatIsRefusedSayingSo() throws {
        let sandbox = try TestSandbox()
        var document = try #require(try JSONParser.parse(try Self.fixture()).objectValue)
        document["version"] = 2
        let refused = sandbox.request(.PUT, "/_sandbox/state", json: .object(document))
        #expect(refused.status == 400)
        #expect(refused.json["field"] == "version")
        #expect(refused.json["error"]?.stringValue?.contains("newer sandbox version") == true)
        #expect(sandbox.serverIDs().isEmpty)
    }

    /// The fixture as the version before `dedicated.002-byod-failed-at` would have written it.
    @Test func aSnapshotLackingTheNewestMigrationIsBroughtForward() throws {
        let sandbox = try TestSandbox()
        var document = try #require(try JSONParser.parse(try Self.fixture()).objectValue)
        let migrations = try #require(document["migrations"]?.arrayValue)
        document["migrations"] = .array(migrations.filter { $0 != "dedicated.002-byod-failed-at" })
        var tables = try #require(document["tables"]?.objectValue)
        let orders = try #require(tables["dedicated_byod_orders"]?.arrayValue)
        tables["dedicated_byod_orders"] = .array(orders.map { row in
            var row = row.objectValue ?? [:]
            row["failed_at"] = nil
            return .object(row)
        })
        document["tables"] = .object(tables)
        let imported = sandbox.request(.PUT, "/_sandbox/state", json: .object(document))
        #expect(imported.status == 200, "\(imported.text)")
        let exported = sandbox.request(.GET, "/_sandbox/state").json
        // Exported again, it has every migration of this version, the removed one included.
        let now = Set((exported["migrations"]?.arrayValue ?? []).compactMap(\.stringValue))
        #expect(Set(migrations.compactMap(\.stringValue)).isSubset(of: now) && now.contains("dedicated.002-byod-failed-at"))
        expectFixtureWorld(sandbox)
    }
}
