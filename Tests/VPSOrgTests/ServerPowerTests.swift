import SandboxTesting
import StructuredData
import Testing

@Suite struct ServerPowerTests {
    @Test func stopThenStartGoThroughTransitionalStates() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.activeServer()
        let stop = sandbox.request(.POST, "/api/v1/servers/\(id)/stop/")
        #expect(stop.status == 200)
        #expect(stop.json == [
            "status": "success", "message": "Server is stopping",
            "server": ["id": .int(id), "name": "web-server-02", "status": "stopping"],
        ])
        #expect(sandbox.server(id).json["status"] == "stopping")
        sandbox.advance(seconds: 30)
        #expect(sandbox.server(id).json["status"] == "stopped")

        let start = sandbox.request(.POST, "/api/v1/servers/\(id)/start")
        #expect(start.status == 200)
        #expect(start.json == [
            "status": "success", "message": "Server is starting",
            "server": ["id": .int(id), "name": "web-server-02", "status": "starting"],
        ])
        sandbox.advance(seconds: 9)
        #expect(sandbox.server(id).json["status"] == "starting")
        sandbox.advance(seconds: 21)
        #expect(sandbox.server(id).json["status"] == "active")
    }

    @Test func rebootReturnsToActive() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.activeServer()
        let reboot = sandbox.request(.POST, "/api/v1/servers/\(id)/reboot/")
        #expect(reboot.status == 200)
        #expect(reboot.json["message"] == "Server is rebooting")
        #expect(reboot.json["server"]?["status"] == "rebooting")
        #expect(sandbox.server(id).json["status"] == "rebooting")
        sandbox.advance(seconds: 30)
        #expect(sandbox.server(id).json["status"] == "active")
    }

    @Test func startOnARunningServerIs400() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.activeServer()
        let response = sandbox.request(.POST, "/api/v1/servers/\(id)/start/")
        #expect(response.status == 400)
        #expect(response.json == ["detail": "Server is already running."])
    }

    @Test func rebootOnAServerThatIsNotActiveIs400() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.activeServer()
        sandbox.request(.POST, "/api/v1/servers/\(id)/stop/")
        sandbox.advance(seconds: 30)
        let response = sandbox.request(.POST, "/api/v1/servers/\(id)/reboot/")
        #expect(response.status == 400)
        #expect(response.json == ["detail": "Server is not active."])
        #expect(sandbox.server(id).json["status"] == "stopped")
    }

    @Test func stopOnAStoppedServerIs400() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.activeServer()
        sandbox.request(.POST, "/api/v1/servers/\(id)/stop/")
        #expect(sandbox.request(.POST, "/api/v1/servers/\(id)/stop/").json == ["detail": "Server is already stopping."])
        sandbox.advance(seconds: 30)
        let response = sandbox.request(.POST, "/api/v1/servers/\(id)/stop/")
        #expect(response.status == 400)
        #expect(response.json == ["detail": "Server is already stopped."])
    }

    @Test func stopInterruptsAReboot() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.activeServer()
        sandbox.request(.POST, "/api/v1/servers/\(id)/reboot/")
        #expect(sandbox.request(.POST, "/api/v1/servers/\(id)/stop/").status == 200)
        sandbox.advance(seconds: 120)
        #expect(sandbox.server(id).json["status"] == "stopped")
    }

    @Test func actionsOnAProvisioningServerAre400() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.orderServer()
        for action in ["start", "stop", "reboot"] {
            let response = sandbox.request(.POST, "/api/v1/servers/\(id)/\(action)/")
            #expect(response.status == 400)
            #expect(response.json == ["detail": "Server is still being provisioned."])
        }
    }

    @Test func actionsOnAnUnknownServerAre404AndNeedAToken() throws {
        let sandbox = try TestSandbox()
        for action in ["start", "stop", "reboot"] {
            #expect(sandbox.request(.POST, "/api/v1/servers/424242/\(action)/").json == ["detail": "Not found."])
            #expect(sandbox.request(.POST, "/api/v1/servers/424242/\(action)/", token: .some(nil)).status == 401)
        }
    }
}
