import SandboxTesting
import StructuredData
import Testing

@Suite struct DedicatedInstallationTests {
    typealias Fixture = DedicatedFixture

    @Test func reinstallRunsAnInstallationThenGivesNewCredentials() throws {
        let sandbox = try TestSandbox()
        let id = Fixture.deliveredServer(sandbox)
        let before = sandbox.request(.GET, Fixture.path(id, "installation")).result
        #expect(before.objectValue?.keys == ["ssh", "installation", "template", "mac"])
        #expect(before["installation"] == false)
        #expect(before["template"] == .string(Fixture.template))
        let oldPassword = try #require(before["ssh"]?["root"]?["password"]?.stringValue)

        let reinstall = sandbox.request(
            .PUT, Fixture.path(id, "reinstall"), json: ["template": "Ubuntu 20.04 LTS", "hostname": "fresh.example.com"])
        #expect(reinstall.json == ["result": true])
        let running = sandbox.request(.GET, Fixture.path(id, "installation")).result
        #expect(running["installation"] == true)
        #expect(running["template"] == "Ubuntu 20.04 LTS")
        #expect(running["ssh"]?["root"]?["password"]?.stringValue == oldPassword)
        #expect(sandbox.request(.GET, Fixture.path(id, "status")).result["status"] == "offline")
        #expect(sandbox.request(.GET, Fixture.path(id, "config")).result["template"] == .string(Fixture.template))

        sandbox.advance(seconds: 19 * 60)
        #expect(sandbox.request(.GET, Fixture.path(id, "installation")).result["installation"] == true)
        sandbox.advance(seconds: 21 * 60)
        let done = sandbox.request(.GET, Fixture.path(id, "installation")).result
        #expect(done["installation"] == false)
        let newPassword = try #require(done["ssh"]?["root"]?["password"]?.stringValue)
        #expect(newPassword != oldPassword)
        #expect(done["ssh"]?["user"]?["password"]?.stringValue == newPassword)
        let config = sandbox.request(.GET, Fixture.path(id, "config")).result
        #expect(config["template"] == "Ubuntu 20.04 LTS")
        #expect(config["ssh"]?["root"]?["password"]?.stringValue == newPassword)
        let status = sandbox.request(.GET, Fixture.path(id, "status")).result
        #expect(status["status"] == "online")
    }

    @Test func actionsWhileInstallingAre409() throws {
        let sandbox = try TestSandbox()
        let id = Fixture.deliveredServer(sandbox)
        sandbox.request(.PUT, Fixture.path(id, "reinstall"), json: ["template": "Debian Stretch"])
        for action in ["start", "shutdown", "reboot"] {
            let response = sandbox.request(.PUT, Fixture.path(id, action))
            #expect(response.status == 409)
            #expect(Fixture.error(response).contains("being reinstalled"))
        }
        #expect(sandbox.request(.PUT, Fixture.path(id, "reinstall"), json: ["template": "Debian Stretch"]).status == 409)
        #expect(sandbox.request(.GET, Fixture.path(id, "status")).status == 200)
        #expect(sandbox.request(.GET, Fixture.path(id, "config")).status == 200)
    }

    @Test func reinstallValidatesTemplateAndHostname() throws {
        let sandbox = try TestSandbox()
        let id = Fixture.deliveredServer(sandbox)
        let missing = sandbox.request(.PUT, Fixture.path(id, "reinstall"), json: [:])
        #expect(missing.status == 400)
        #expect(Fixture.error(missing).hasPrefix("template is required"))
        let unknown = sandbox.request(.PUT, Fixture.path(id, "reinstall"), json: ["template": "Windows 95"])
        #expect(unknown.status == 400)
        #expect(Fixture.error(unknown).hasPrefix("template must be one of"))
        let badHost = sandbox.request(.PUT, Fixture.path(id, "reinstall"), json: ["template": "Debian Stretch", "hostname": "-x-"])
        #expect(badHost.status == 400)
        #expect(Fixture.error(badHost).hasPrefix("hostname must be"))
        #expect(sandbox.request(.GET, Fixture.path(id, "installation")).result["installation"] == false)
        // The document types hostname as int; a number is read as a string.
        let numeric = sandbox.request(.PUT, Fixture.path(id, "reinstall"), form: "template=Debian+Stretch&hostname=12345")
        #expect(numeric.json == ["result": true])
    }
}
