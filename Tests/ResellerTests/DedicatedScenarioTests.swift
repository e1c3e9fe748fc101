import SandboxTesting
import StructuredData
import Testing

@Suite struct DedicatedScenarioTests {
    typealias Fixture = DedicatedFixture

    /// A client's whole BYOD story: order from parts, wait out the build, reinstall, terminate.
    @Test func orderABYODServerReinstallItAndTerminateIt() throws {
        let sandbox = try TestSandbox()
        let placed = sandbox.request(
            .POST, "/api/v1/datacenter/dedicated/order/byod",
            form: "parts[cpu]=60&parts[ram]=44&parts[ssd]=46&parts[hdd]=45&template=Debian+Buster&hostname=build1&ipCount=2")
        let number = try #require(placed.result.intValue)
        #expect(Fixture.balance(sandbox) == 10_000 - 49.0)

        sandbox.advance(seconds: 48 * 3_600)
        let status = sandbox.request(.GET, "/api/v1/datacenter/dedicated/order/byod/status/\(number)").result
        #expect(status["status"] == "completed")
        let id = Int(try #require(status["serverId"]?.intValue))
        #expect(Fixture.serverList(sandbox) == [["id": .int(id), "orderComplete": true]])
        let config = sandbox.request(.GET, Fixture.path(id, "config")).result
        #expect(config["ips"]?.arrayValue?.count == 2)
        #expect(config["configuration"]?["storage"] == ["size": "1920", "type": "NVMe", "count": "1"])
        #expect(config["configuration"]?["price"] == 49)

        #expect(sandbox.request(.PUT, Fixture.path(id, "reinstall"), json: ["template": "Proxmox VE 6"]).json == ["result": true])
        #expect(sandbox.request(.GET, Fixture.path(id, "installation")).result["installation"] == true)
        sandbox.advance(seconds: 40 * 60)
        let installed = sandbox.request(.GET, Fixture.path(id, "installation")).result
        #expect(installed["installation"] == false)
        #expect(installed["template"] == "Proxmox VE 6")

        #expect(sandbox.request(.POST, Fixture.path(id, "terminate")).json == ["result": true])
        #expect(Fixture.serverList(sandbox).isEmpty)
        #expect(sandbox.request(.GET, Fixture.path(id, "status")).status == 404)
    }
}
