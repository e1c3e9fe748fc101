import SandboxTesting
import StructuredData
import Testing

@Suite struct ForcedOutcomeTests {
    @Test func jobsAndTimersAreListedWithDueTimes() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        let listing = sandbox.request(.GET, "/_sandbox/jobs")
        #expect(listing.status == 200)
        let job = try #require(listing.json["jobs"]?.arrayValue?.first)
        #expect(job["id"] == .int(vm.jobId))
        #expect(job["status"] == "queued")
        #expect(job["resourceId"] == .int(vm.id))
        let timers = try #require(listing.json["timers"]?.arrayValue)
        #expect(timers.contains { $0["jobId"] == .int(vm.jobId) && $0["dueAt"] == "2026-01-01T00:00:02Z" })
        #expect(timers.contains { $0["dueAt"] == "2026-01-01T00:02:02Z" })
        let dueTimes = timers.compactMap { $0["dueAt"]?.stringValue }
        #expect(dueTimes == dueTimes.sorted())
        #expect(timers.first?.objectValue?.keys == ["id", "kind", "dueAt", "resourceType", "resourceId", "jobId", "payload"])
        _ = sandbox.createVM(token: "other-tenant")
        let own = sandbox.request(.GET, "/_sandbox/jobs").json["timers"]?.arrayValue ?? []
        #expect(own.count == timers.count)
    }

    @Test func completeFinishesTheJobNow() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        let completed = sandbox.request(.POST, "/_sandbox/jobs/\(vm.jobId)/complete")
        #expect(completed.status == 200)
        #expect(completed.json["status"] == "finished")
        let job = sandbox.request(.GET, "/api/v1/job/\(vm.jobId)").result
        #expect(job["status"] == "finished")
        #expect(job["output"]?["id"] == .int(vm.id))
        #expect(sandbox.vmState(vm.id) == "running")
        #expect(sandbox.request(.GET, "/_sandbox/jobs").json["timers"]?.arrayValue?.contains { $0["jobId"] == .int(vm.jobId) } == false)
        #expect(sandbox.request(.POST, "/_sandbox/jobs/\(vm.jobId)/complete").status == 409)
    }

    @Test func failPutsTheResourceBackWithTheOutput() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        sandbox.advance(seconds: 10)
        let failed = sandbox.request(.POST, "/_sandbox/jobs/\(vm.jobId)/fail", json: ["output": "disk array on fire"])
        #expect(failed.status == 200)
        let job = sandbox.request(.GET, "/api/v1/job/\(vm.jobId)").result
        #expect(job["status"] == "failed")
        #expect(job["output"] == "disk array on fire")
        #expect(sandbox.vmState(vm.id) == "stopped")
        #expect(sandbox.request(.POST, "/_sandbox/jobs/\(vm.jobId)/fail", json: ["output": "again"]).status == 409)
        #expect(sandbox.request(.POST, "/_sandbox/jobs/\(vm.jobId)/fail", json: ["output": 5]).status == 409)
    }

    @Test func unknownOrForeignJobsAreNotFound() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        #expect(sandbox.request(.POST, "/_sandbox/jobs/999999/complete").status == 404)
        #expect(sandbox.request(.POST, "/_sandbox/jobs/\(vm.jobId)/complete", token: "intruder").status == 404)
        #expect(sandbox.request(.POST, "/_sandbox/jobs/\(vm.jobId)/fail", token: "intruder").status == 404)
        #expect(sandbox.request(.GET, "/api/v1/job/\(vm.jobId)").result["status"] == "queued")
        #expect(sandbox.request(.POST, "/_sandbox/jobs/abc/complete").status == 404)
    }
}
