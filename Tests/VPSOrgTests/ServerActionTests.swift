import SandboxTesting
import StructuredData
import Testing

/// `POST /servers/{id}/power/` and `/resize/` as `vps_mcp` sends them, on the tenant's clock.
@Suite struct ServerActionTests {
    @Test func aPowerActionIsAJobWhoseProgressTheDetailEventsAndControlPlaneShow() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.activeClientServer()
        let response = sandbox.act(uuid, "power", ["action": "stop"])
        #expect(response.status == 202)
        let action = try #require(response.json.objectValue)
        #expect(action.keys == ["uuid", "type", "status", "progress", "server_uuid", "job_id", "error", "created_at", "completed_at"])
        #expect(action["type"] == "power_stop")
        #expect(action["status"] == "pending")
        #expect(action["server_uuid"] == .string(uuid))
        let detail = sandbox.detail(uuid)
        #expect(detail["status"] == "stopping")
        #expect(detail["actions"]?.arrayValue?.first?["uuid"] == action["uuid"])
        let jobs = sandbox.request(.GET, "/_sandbox/jobs").json["jobs"]?.arrayValue ?? []
        #expect(jobs.contains { $0["id"] == action["job_id"] && $0["kind"] == "vpsorg.server.power" })

        sandbox.advance(seconds: 5)
        let running = sandbox.detail(uuid)["actions"]?.arrayValue?.first
        #expect(running?["status"] == "in_progress")
        #expect((running?["progress"]?.intValue ?? 0) > 0)
        sandbox.advance(seconds: 30)
        #expect(sandbox.detail(uuid)["status"] == "stopped")
        #expect(sandbox.detail(uuid)["actions"] == [])
        let listed = sandbox.results("/api/v1/servers/\(uuid)/actions/")
        #expect(listed.first?["status"] == "completed")
        #expect(listed.first?["progress"] == 100)
        #expect(listed.first?["completed_at"]?.stringValue != nil)
        let events = sandbox.events()
        #expect(events.contains { $0["resourceType"] == "vpsorg_action" && $0["to"] == "completed" })
        #expect(events.contains { $0["resourceType"] == "vpsorg_server" && $0["from"] == "stopping" && $0["to"] == "stopped" })
    }

    @Test func everyActionFollowsTheDocumentsStateRules() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.activeClientServer()
        let refused = sandbox.act(uuid, "power", ["action": "start"])
        #expect(refused.status == 409)
        #expect(refused.json == ["detail": "Server is already running."])
        #expect(sandbox.act(uuid, "power", ["action": "restart"]).status == 202)
        #expect(sandbox.detail(uuid)["status"] == "rebooting")
        #expect(sandbox.act(uuid, "power", ["action": "restart"]).json == ["detail": "Server is not active."])
        sandbox.advance(seconds: 35)
        #expect(sandbox.detail(uuid)["status"] == "active")
        #expect(sandbox.act(uuid, "power", ["action": "hard_stop"]).status == 202)
        sandbox.advance(seconds: 4)
        #expect(sandbox.detail(uuid)["status"] == "stopped")
        #expect(sandbox.act(uuid, "power", ["action": "stop"]).json == ["detail": "Server is already stopped."])
        #expect(sandbox.act(uuid, "power", ["action": "start"]).status == 202)
        sandbox.advance(seconds: 35)
        #expect(sandbox.detail(uuid)["status"] == "active")
        #expect(sandbox.results("/api/v1/servers/\(uuid)/actions/").count == 3)

        let provisioning = sandbox.request(.POST, "/api/v1/servers/", json: sandbox.clientOrder()).json["uuid"]?.stringValue ?? ""
        #expect(sandbox.act(provisioning, "power", ["action": "stop"]).json == ["detail": "Server is still being provisioned."])
    }

    @Test func aBadActionOrAnUnknownServerIsRefusedAndNothingChanges() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.activeClientServer()
        let bad = sandbox.act(uuid, "power", ["action": "fly"])
        #expect(bad.status == 400)
        #expect(bad.json == ["action": ["\"fly\" is not a valid choice."]])
        #expect(sandbox.act(uuid, "power", [:]).json == ["action": ["This field is required."]])
        let unknown = sandbox.act("00000000-0000-4000-8000-000000000000", "power", ["action": "fly"])
        #expect(unknown.status == 404)
        #expect(unknown.json == ["detail": "Not found."])
        #expect(sandbox.act(uuid, "power", ["action": "stop"], token: "another-tenant").status == 404)
        #expect(sandbox.detail(uuid)["status"] == "active")
        #expect(sandbox.results("/api/v1/servers/\(uuid)/actions/").isEmpty)
    }

    @Test func aStopInterruptsAStartInProgressAndAFailedJobPutsTheServerBack() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.activeClientServer()
        #expect(sandbox.act(uuid, "power", ["action": "hard_stop"]).status == 202)
        sandbox.advance(seconds: 4)
        let start = sandbox.act(uuid, "power", ["action": "start"]).json
        #expect(sandbox.act(uuid, "power", ["action": "hard_stop"]).status == 202)
        let interrupted = sandbox.results("/api/v1/servers/\(uuid)/actions/").first { $0["uuid"] == start["uuid"] }
        #expect(interrupted?["status"] == "failed")
        #expect(interrupted?["error"] == "Interrupted by a hard stop.")
        sandbox.advance(seconds: 4)
        #expect(sandbox.detail(uuid)["status"] == "stopped")

        // The control plane fails the next start: the server is stopped again, the action failed.
        let next = sandbox.act(uuid, "power", ["action": "start"]).json
        let job = try #require(next["job_id"]?.intValue)
        #expect(sandbox.request(.POST, "/_sandbox/jobs/\(job)/fail", json: ["output": "Hypervisor gone."]).status == 200)
        #expect(sandbox.detail(uuid)["status"] == "stopped")
        let failed = sandbox.results("/api/v1/servers/\(uuid)/actions/").first
        #expect(failed?["status"] == "failed")
        #expect(failed?["error"] == "Hypervisor gone.")
    }

    @Test func theDocumentsStopInterruptsTheClientsStart() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.activeClientServer()
        let id = sandbox.detail(uuid)["id"]?.intValue ?? 0
        #expect(sandbox.request(.POST, "/api/v1/servers/\(id)/stop/").status == 200)
        sandbox.advance(seconds: 35)
        #expect(sandbox.act(uuid, "power", ["action": "start"]).status == 202)
        #expect(sandbox.request(.POST, "/api/v1/servers/\(id)/stop/").json["server"]?["status"] == "stopping")
        #expect(sandbox.results("/api/v1/servers/\(uuid)/actions/").first?["status"] == "failed")
        sandbox.advance(seconds: 35)
        #expect(sandbox.detail(uuid)["status"] == "stopped")
        #expect(sandbox.request(.GET, "/_sandbox/jobs?active=true").json["jobs"] == [])
    }

    @Test func resizeChargesTheDifferenceAndTheDetailShowsTheNewPlanWhenDone() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.activeClientServer()
        #expect(sandbox.balance() == 9994.0)
        let response = sandbox.act(uuid, "resize", ["plan": .string(sandbox.planUUID(1))])
        #expect(response.status == 202)
        #expect(response.json["type"] == "resize")
        #expect(response.json["plan"] == .string(sandbox.planUUID(1)))
        #expect(sandbox.balance() == 9988.0)
        #expect(sandbox.detail(uuid)["status"] == "resizing")
        #expect(sandbox.detail(uuid)["plan_name"] == "Starter VPS")
        #expect(sandbox.act(uuid, "power", ["action": "stop"]).json == ["detail": "Server is being resized."])
        #expect(sandbox.act(uuid, "resize", ["plan": .string(sandbox.planUUID(2))]).status == 409)
        sandbox.advance(seconds: 185)
        let detail = sandbox.detail(uuid)
        #expect(detail["status"] == "active")
        #expect(detail["plan_name"] == "Standard VPS")
        #expect(detail["plan"]?["ram"] == 4)
        #expect(detail["plan"]?["disk_space"] == 80)
    }

    @Test func resizeRefusalsNameThePlanAndChangeNothing() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.activeClientServer()
        #expect(sandbox.act(uuid, "resize", ["plan": .string(sandbox.planUUID(3))]).json == [
            "plan": ["The server is already on this plan."],
        ])
        #expect(sandbox.act(uuid, "resize", ["plan": "9e1b43fd-91b9-46a2-85da-31934fa1f5f5"]).json == [
            "plan": ["Invalid pk \"9e1b43fd-91b9-46a2-85da-31934fa1f5f5\" - object does not exist."],
        ])
        let bigger = sandbox.activeClientServer()
        #expect(sandbox.act(bigger, "resize", ["plan": .string(sandbox.planUUID(2))]).status == 202)
        sandbox.advance(seconds: 185)
        let shrink = sandbox.act(bigger, "resize", ["plan": .string(sandbox.planUUID(1))])
        #expect(shrink.status == 400)
        #expect(shrink.json["plan"]?.firstMessage?.hasPrefix("A server's disk cannot shrink") == true)
        let before = sandbox.balance()
        let tooExpensive = sandbox.act(uuid, "resize", ["plan": .string(sandbox.planUUID(4))])
        #expect(tooExpensive.status == 402)
        #expect(sandbox.balance() == before)
        #expect(sandbox.detail(uuid)["status"] == "active")
        #expect(sandbox.results("/api/v1/servers/\(uuid)/actions/").isEmpty)
    }

    @Test func aFailedResizeRefundsAndKeepsThePlan() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.activeClientServer()
        let job = sandbox.act(uuid, "resize", ["plan": .string(sandbox.planUUID(2))]).json["job_id"]?.intValue ?? 0
        #expect(sandbox.balance() == 9976.0)
        #expect(sandbox.request(.POST, "/_sandbox/jobs/\(job)/fail").status == 200)
        #expect(sandbox.balance() == 9994.0)
        #expect(sandbox.detail(uuid)["status"] == "active")
        #expect(sandbox.detail(uuid)["plan_name"] == "Starter VPS")
    }

    @Test func deletingAServerFailsItsActions() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.activeClientServer()
        let job = sandbox.act(uuid, "resize", ["plan": .string(sandbox.planUUID(2))]).json["job_id"]?.intValue ?? 0
        #expect(sandbox.request(.DELETE, "/api/v1/servers/\(uuid)/").status == 204)
        let jobs = sandbox.request(.GET, "/_sandbox/jobs").json["jobs"]?.arrayValue ?? []
        #expect(jobs.first { $0["id"] == .int(job) }?["status"] == "failed")
        #expect(sandbox.balance() == 9994.0)
        sandbox.advance(seconds: 300)
        #expect(sandbox.request(.GET, "/api/v1/servers/").json["count"] == 0)
    }
}
