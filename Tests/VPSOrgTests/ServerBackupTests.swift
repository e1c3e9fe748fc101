import SandboxTesting
import StructuredData
import Testing

/// `POST /servers/{id}/backup/` and `/snapshot/` as `vps_mcp` sends them, and their lists.
@Suite struct ServerBackupTests {
    @Test func aBackupWithoutABodyUnderAJSONTypeRunsAndBecomesAvailable() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.activeClientServer()
        let response = sandbox.act(uuid, "backup")
        #expect(response.status == 202)
        #expect(response.json["type"] == "backup")
        let backupUUID = try #require(response.json["backup_uuid"]?.stringValue)
        let creating = sandbox.results("/api/v1/servers/\(uuid)/backups/")
        #expect(creating.first?.objectValue?.keys == [
            "uuid", "type", "label", "status", "size", "server_uuid", "created_at", "completed_at",
        ])
        #expect(creating.first?["uuid"] == .string(backupUUID))
        #expect(creating.first?["status"] == "creating")
        #expect(sandbox.act(uuid, "snapshot").status == 409)
        sandbox.advance(seconds: 305)
        let available = sandbox.results("/api/v1/servers/\(uuid)/backups/").first
        #expect(available?["status"] == "available")
        #expect((available?["size"]?.intValue ?? 0) > 0)
        #expect(sandbox.results("/api/v1/servers/\(uuid)/snapshots/").isEmpty)
        #expect(sandbox.events().contains { $0["resourceType"] == "vpsorg_backup" && $0["to"] == "available" })
    }

    @Test func aSnapshotTakesAnOptionalLabel() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.activeClientServer()
        let labelled = sandbox.act(uuid, "snapshot", ["label": "before-upgrade"])
        #expect(labelled.status == 202)
        #expect(labelled.json["type"] == "snapshot")
        sandbox.advance(seconds: 95)
        #expect(sandbox.act(uuid, "snapshot").status == 202)
        let snapshots = sandbox.results("/api/v1/servers/\(uuid)/snapshots/")
        #expect(snapshots.map { $0["label"] } == [.null, "before-upgrade"])
        #expect(snapshots.last?["status"] == "available")
    }

    @Test func refusalsChangeNothing() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.activeClientServer()
        let long = sandbox.act(uuid, "snapshot", ["label": .string(String(repeating: "x", count: 101))])
        #expect(long.status == 400)
        #expect(long.json == ["label": ["Ensure this field has no more than 100 characters."]])
        let provisioning = sandbox.request(.POST, "/api/v1/servers/", json: sandbox.clientOrder()).json["uuid"]?.stringValue ?? ""
        let early = sandbox.act(provisioning, "backup")
        #expect(early.status == 409)
        #expect(sandbox.act("12", "backup").json == ["detail": "Not found."])
        #expect(sandbox.act(uuid, "backup", token: "another-tenant").status == 404)
        #expect(sandbox.results("/api/v1/servers/\(uuid)/snapshots/").isEmpty)
        #expect(sandbox.results("/api/v1/servers/\(provisioning)/backups/").isEmpty)
        #expect(sandbox.request(.GET, "/api/v1/servers/\(uuid)/backups/", token: "another-tenant").status == 404)
    }

    @Test func aFailedBackupIsListedAsFailed() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.activeClientServer()
        let job = sandbox.act(uuid, "backup").json["job_id"]?.intValue ?? 0
        #expect(sandbox.request(.POST, "/_sandbox/jobs/\(job)/fail").status == 200)
        #expect(sandbox.results("/api/v1/servers/\(uuid)/backups/").first?["status"] == "failed")
        #expect(sandbox.results("/api/v1/servers/\(uuid)/actions/").first?["status"] == "failed")
        #expect(sandbox.act(uuid, "backup").status == 202)
    }
}
