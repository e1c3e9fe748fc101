import SandboxTesting
import StructuredData
import Testing

@Suite struct PowerTests {
    func put(_ sandbox: TestSandbox, _ id: Int, _ action: String) -> TestResponse {
        sandbox.request(.PUT, "/api/v1/datacenter/server/\(id)/\(action)")
    }

    func uptime(_ sandbox: TestSandbox, _ id: Int) -> Int64 {
        sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/status").result["uptime"]?.intValue ?? -1
    }

    @Test(arguments: ["start", "shutdown", "stop", "reboot", "reset", "reboot/force"])
    func powerActionsWhileInstallingAreConflicts(action: String) throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        let response = put(sandbox, vm.id, action)
        #expect(response.status == 409)
        #expect(response.json["error"]?.stringValue?.contains("installing") == true)
        #expect(sandbox.vmState(vm.id) == "installing")
    }

    @Test func stopIsImmediateAndStartBootsWithFreshUptime() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        sandbox.advance(seconds: 300)
        #expect(put(sandbox, id, "stop").json == ["result": true])
        let stopped = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/status").result
        #expect(stopped == ["cpu": 0, "mem": 0, "memfree": 0, "netin": 0, "netout": 0, "uptime": 0, "state": "stopped"])
        // Idempotent: stopping or shutting down a stopped VM changes nothing.
        #expect(put(sandbox, id, "stop").json == ["result": true])
        #expect(put(sandbox, id, "shutdown").json == ["result": true])
        sandbox.advance(seconds: 60)
        #expect(put(sandbox, id, "start").json == ["result": true])
        #expect(sandbox.vmState(id) == "running")
        sandbox.advance(seconds: 5)
        #expect(uptime(sandbox, id) == 5)
        // Starting a running VM is a no-op.
        #expect(put(sandbox, id, "start").json == ["result": true])
        #expect(uptime(sandbox, id) == 5)
    }

    @Test func shutdownIsGracefulAndCompletesOnTheClock() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        #expect(put(sandbox, id, "shutdown").json == ["result": true])
        #expect(sandbox.vmState(id) == "running")
        sandbox.advance(seconds: 20)
        #expect(sandbox.vmState(id) == "running")
        #expect(put(sandbox, id, "shutdown").json == ["result": true])
        sandbox.advance(seconds: 11)
        #expect(sandbox.vmState(id) == "stopped")
    }

    @Test func stopOverridesAPendingShutdown() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        put(sandbox, id, "shutdown")
        put(sandbox, id, "stop")
        put(sandbox, id, "start")
        sandbox.advance(seconds: 60)
        #expect(sandbox.vmState(id) == "running")
        #expect(uptime(sandbox, id) == 60)
    }

    @Test func rebootIsGracefulAndRestartsUptime() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        sandbox.advance(seconds: 1000)
        let before = uptime(sandbox, id)
        #expect(before >= 1000)
        #expect(put(sandbox, id, "reboot").json == ["result": true])
        sandbox.advance(seconds: 5)
        #expect(uptime(sandbox, id) == before + 5)
        sandbox.advance(seconds: 20)
        #expect(sandbox.vmState(id) == "running")
        #expect(uptime(sandbox, id) == 10)
    }

    @Test(arguments: ["reset", "reboot/force"])
    func forcedRebootsAreImmediate(action: String) throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        sandbox.advance(seconds: 500)
        put(sandbox, id, "shutdown")
        #expect(put(sandbox, id, action).json == ["result": true])
        #expect(uptime(sandbox, id) == 0)
        sandbox.advance(seconds: 60)
        // The forced reboot cancelled the pending shutdown.
        #expect(sandbox.vmState(id) == "running")
        #expect(uptime(sandbox, id) == 60)
    }

    @Test(arguments: ["reboot", "reset", "reboot/force"])
    func rebootingAStoppedVMBootsIt(action: String) throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        put(sandbox, id, "stop")
        #expect(put(sandbox, id, action).json == ["result": true])
        #expect(sandbox.vmState(id) == "running")
    }

    @Test func unknownVMIs404() throws {
        let sandbox = try TestSandbox()
        #expect(put(sandbox, 999_999, "start").status == 404)
        #expect(sandbox.request(.POST, "/api/v1/datacenter/server/4001/start").status == 405)
    }
}
