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
}
