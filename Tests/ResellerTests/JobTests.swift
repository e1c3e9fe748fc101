import SandboxTesting
import StructuredData
import Testing

@Suite struct JobTests {
    @Test func progressRisesWithTheClock() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        let queued = sandbox.request(.GET, "/api/v1/job/\(vm.jobId)")
        #expect(queued.json == ["result": ["status": "queued", "progress": 0, "output": nil]])
        var last: Int64 = -1
        for _ in 0..<6 {
            sandbox.advance(seconds: 20)
            let job = sandbox.request(.GET, "/api/v1/job/\(vm.jobId)").result
            let progress = try #require(job["progress"]?.intValue)
            #expect(progress > last)
            #expect(job["status"] == (progress == 100 ? "finished" : "running"))
            last = progress
        }
        sandbox.advance(seconds: 10)
        #expect(sandbox.request(.GET, "/api/v1/job/\(vm.jobId)/").result["progress"] == 100)
    }

    @Test func unknownJobIs404() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.GET, "/api/v1/job/123456789")
        #expect(response.status == 404)
        #expect(response.json["error"]?.stringValue != nil)
    }

    @Test func anotherTenantsJobIs404() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        let other = sandbox.request(.GET, "/api/v1/job/\(vm.jobId)", token: "other-\(sandbox.token)")
        #expect(other.status == 404)
        #expect(sandbox.request(.GET, "/api/v1/job/\(vm.jobId)").status == 200)
    }

    /// A finished job's output is read back into what the kind made, strictly: a stored
    /// output no job writes is a fault naming it, not passed on.
    @Test func aStoredOutputNoJobWritesIsA500NamingIt() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        sandbox.advance(seconds: 130)
        let finished = sandbox.request(.GET, "/api/v1/job/\(vm.jobId)").result["output"]
        #expect(finished?["id"] == .int(Int64(vm.id)))
        #expect(finished?["ips"]?.arrayValue?.count == 2)
        try sandbox.application.runtime.database.write {
            try $0.run("UPDATE jobs SET output = '{\"id\":\"x\"}' WHERE id = ?", vm.jobId)
        }
        let broken = sandbox.request(.GET, "/api/v1/job/\(vm.jobId)")
        #expect(broken.status == 500)
        #expect(broken.json["error"]?.stringValue?.contains("jobs.output holds {\"id\":\"x\"}") == true, "\(broken.text)")
    }
}
