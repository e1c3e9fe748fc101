import SandboxTesting
import StructuredData
import Testing

@Suite struct ServerLifecycleTests {
    @Test func createQueuesAnInstallJobThatEndsWithARunningVM() throws {
        let sandbox = try TestSandbox()
        let created = sandbox.request(.POST, "/api/v1/datacenter/server", json: smallVM)
        #expect(created.status == 200)
        #expect(created.result["status"] == "queued")
        #expect(created.result["progress"] == 0)
        #expect(created.result.objectValue?.keys == ["status", "jobId", "progress"])
        let jobId = try #require(created.result["jobId"]?.intValue)

        let ids = sandbox.serverIDs()
        #expect(ids.count == 1)
        let id = try #require(ids.first)
        #expect(id >= 4001)
        #expect(sandbox.vmState(id) == "installing")

        #expect(sandbox.request(.GET, "/api/v1/job/\(jobId)").result["status"] == "queued")
        sandbox.advance(seconds: 32)
        let running = sandbox.request(.GET, "/api/v1/job/\(jobId)").result
        #expect(running["status"] == "running")
        #expect(running["output"] == .null)
        let early = try #require(running["progress"]?.intValue)
        sandbox.advance(seconds: 60)
        let later = try #require(sandbox.request(.GET, "/api/v1/job/\(jobId)").result["progress"]?.intValue)
        #expect(early > 0 && later > early && later < 100)
        sandbox.advance(seconds: 40)

        let finished = sandbox.request(.GET, "/api/v1/job/\(jobId)").result
        #expect(finished["status"] == "finished")
        #expect(finished["progress"] == 100)
        let output = try #require(finished["output"])
        #expect(output["id"] == .int(id))
        #expect((output["password"]?.stringValue?.count ?? 0) >= 12)
        #expect(sandbox.vmState(id) == "running")

        let config = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/config").result
        #expect(config.objectValue?.keys == ["cpuCores", "mem", "disk", "ips", "template", "iso"])
        #expect(config["cpuCores"] == 2)
        #expect(config["mem"] == 2048)
        #expect(config["disk"] == "25G")
        #expect(config["template"] == "Debian10.0")
        #expect(config["iso"] == .null)
        let ips = config["ips"]?.strings ?? []
        try #require(ips.count == 2)
        #expect(ips[0].split(separator: ".").count == 4)
        #expect(ips[1].contains(":"))
        #expect(output["ips"] == config["ips"])
    }

    @Test func statusIsPlausible() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        sandbox.advance(seconds: 600)
        let status = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/status").result
        #expect(status.objectValue?.keys == ["cpu", "mem", "memfree", "netin", "netout", "uptime", "state"])
        #expect(status["state"] == "running")
        let uptime = try #require(status["uptime"]?.intValue)
        #expect(uptime >= 600 && uptime < 700)
        let mem = try #require(status["mem"]?.intValue)
        let memfree = try #require(status["memfree"]?.intValue)
        #expect(mem > 0 && memfree > 0)
        #expect(mem + memfree == 2048 * 1_048_576)
        let cpu = try #require(status["cpu"]?.doubleValue)
        #expect(cpu >= 0 && cpu < 20)
        let netin = try #require(status["netin"]?.intValue)
        sandbox.advance(seconds: 60)
        let again = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/status").result
        #expect((again["netin"]?.intValue ?? 0) > netin)
        #expect(again["uptime"] == .int(uptime + 60))
        // Reading status changes nothing: same clock, same answer.
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/status").result == again)
    }

    @Test func listShowsTheTenantsVMsOldestFirst() throws {
        let sandbox = try TestSandbox()
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server").json == ["result": []])
        let first = sandbox.createVM().id
        let second = sandbox.createVM().id
        #expect(second > first)
        #expect(sandbox.serverIDs() == [first, second])
        #expect(sandbox.serverIDs(token: "someone-else-\(sandbox.token)").isEmpty)
    }

    @Test func deletingARunningVMNeedsForce() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let refused = sandbox.request(.POST, "/api/v1/datacenter/server/\(id)/delete")
        #expect(refused.status == 409)
        #expect(refused.json["error"]?.stringValue?.contains("force") == true)
        let forced = sandbox.request(.POST, "/api/v1/datacenter/server/\(id)/delete", json: ["force": true])
        #expect(forced.json == ["result": true])
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/config").status == 404)
        #expect(sandbox.serverIDs().isEmpty)
    }

    @Test func deletingAStoppedVMNeedsNoForceAndTakesPendingWorkWithIt() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        sandbox.request(.PUT, "/api/v1/datacenter/server/\(id)/stop")
        let deleted = sandbox.request(.POST, "/api/v1/datacenter/server/\(id)/delete", form: "force=0")
        #expect(deleted.json == ["result": true])
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/status").status == 404)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/incidents").status == 404)
        #expect(sandbox.request(.POST, "/api/v1/datacenter/server/\(id)/delete").status == 404)
    }

    @Test func forceDeletingAnInstallingVMCancelsItsJob() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        #expect(sandbox.request(.POST, "/api/v1/datacenter/server/\(vm.id)/delete").status == 409)
        #expect(sandbox.request(.POST, "/api/v1/datacenter/server/\(vm.id)/delete", json: ["force": "true"]).status == 200)
        let job = sandbox.request(.GET, "/api/v1/job/\(vm.jobId)").result
        #expect(job["status"] == "failed")
        #expect(job["output"]?.stringValue?.contains("deleted") == true)
        sandbox.advance(seconds: 200)
        #expect(sandbox.serverIDs().isEmpty)
        let events = sandbox.request(.GET, "/_sandbox/events?after=0").json["events"]?.arrayValue ?? []
        let last = events.last { $0["resourceType"] == "virtual_server" }
        #expect(last?["from"] == "stopped", "the aborted install left the VM stopped before it was deleted")
        #expect(last?["to"] == "deleted")
    }

    @Test func reinstallIsAJobWithANewRootPassword() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        #expect(sandbox.request(.PUT, "/api/v1/datacenter/server/\(vm.id)/reinstall").status == 409)
        sandbox.advance(seconds: 130)
        let oldPassword = sandbox.request(.GET, "/api/v1/job/\(vm.jobId)").result["output"]?["password"]

        let reinstall = sandbox.request(
            .PUT, "/api/v1/datacenter/server/\(vm.id)/reinstall",
            json: ["template": "Ubuntu20.04", "hostname": 12345, "sshKey": "ssh-ed25519 AAAA test"])
        #expect(reinstall.status == 200, "\(reinstall.text)")
        #expect(reinstall.result["status"] == "queued")
        #expect(reinstall.result["progress"] == 0)
        let jobId = try #require(reinstall.result["jobId"]?.intValue)
        #expect(sandbox.vmState(vm.id) == "reinstalling")
        #expect(sandbox.request(.PUT, "/api/v1/datacenter/server/\(vm.id)/start").status == 409)
        sandbox.advance(seconds: 100)
        let job = sandbox.request(.GET, "/api/v1/job/\(jobId)").result
        #expect(job["status"] == "finished")
        #expect(job["output"]?["password"] != oldPassword)
        #expect(job["output"]?["hostname"] == "12345")
        #expect(sandbox.vmState(vm.id) == "running")
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/\(vm.id)/config").result["template"] == "Ubuntu20.04")
    }

    @Test func reinstallRefusesBadFields() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        for body: JSONValue in [["template": "Nope1.0"], ["hostname": "abc"], ["hostname": 123]] {
            let response = sandbox.request(.PUT, "/api/v1/datacenter/server/\(id)/reinstall", json: body)
            #expect(response.status == 400, "\(body)")
        }
        #expect(sandbox.vmState(id) == "running")
    }
}
