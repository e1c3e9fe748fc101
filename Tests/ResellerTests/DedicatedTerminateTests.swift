import SandboxTesting
import StructuredData
import Testing

@Suite struct DedicatedTerminateTests {
    typealias Fixture = DedicatedFixture

    @Test func terminateDeletesAtOnce() throws {
        let sandbox = try TestSandbox()
        let id = Fixture.deliveredServer(sandbox)
        Fixture.order(sandbox, offer: 9)
        let response = sandbox.request(.POST, Fixture.path(id, "terminate"))
        #expect(response.json == ["result": true])
        #expect(sandbox.request(.GET, Fixture.path(id, "status")).status == 404)
        #expect(sandbox.request(.GET, Fixture.path(id, "config")).status == 404)
        #expect(sandbox.request(.POST, Fixture.path(id, "terminate")).status == 404)
        #expect(Fixture.serverList(sandbox) == [["id": 9, "orderComplete": false]])
        #expect(sandbox.request(.GET, Fixture.path(id, "terminate")).status == 405)
    }

    @Test func aTerminatedMarketServerGoesBackOnTheMarket() throws {
        let sandbox = try TestSandbox()
        let id = Fixture.deliveredServer(sandbox)
        #expect(!Fixture.marketIds(sandbox).contains(Int64(id)))
        sandbox.request(.POST, Fixture.path(id, "terminate"))
        #expect(Fixture.marketIds(sandbox).contains(Int64(id)))
    }

    @Test func terminateDuringAnInstallationEndsIt() throws {
        let sandbox = try TestSandbox()
        let id = Fixture.deliveredServer(sandbox)
        sandbox.request(.PUT, Fixture.path(id, "reinstall"), json: ["template": "Debian Stretch"])
        #expect(sandbox.request(.POST, Fixture.path(id, "terminate")).json == ["result": true])
        sandbox.advance(seconds: 3_600)
        #expect(Fixture.serverList(sandbox).isEmpty)
    }
}
