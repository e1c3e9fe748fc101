import Reseller
import SandboxCore
import SandboxTesting
import StructuredData
import Testing

@Suite struct DedicatedConsoleTests {
    typealias Fixture = DedicatedFixture

    func ticket(in url: String) -> String? {
        url.split(separator: "?", maxSplits: 1).last?.split(separator: "&")
            .first { $0.hasPrefix("ticket=") }.map { String($0.dropFirst("ticket=".count)) }
    }

    @Test func consoleURLOpensTheStandInPageForThisServer() throws {
        let sandbox = try TestSandbox()
        let id = Fixture.deliveredServer(sandbox)
        let response = sandbox.request(.GET, Fixture.path(id, "console"))
        #expect(response.status == 200)
        let url = try #require(response.result.stringValue)
        #expect(url.hasPrefix("http://") && url.contains("/novnc/vnc.html?host="))
        #expect(url.contains("password=PVEVNC:"))
        #expect(url.contains("pve-sandbox%2F\(id)%2F"))
        let key = try #require(ticket(in: url))
        let page = sandbox.request(.GET, "/novnc/vnc.html?ticket=\(key)", token: .some(nil))
        #expect(page.status == 200)
        #expect(page.text.contains("dedicated server \(id)"))
    }

    @Test func ticketExpiresAfterItsRealTimeValidity() throws {
        let sandbox = try TestSandbox { $0.consoleTicketSeconds = 0.05 }
        let id = Fixture.deliveredServer(sandbox)
        let issuedAt = realTimeMillis()
        sandbox.application.reseller.consoles.useWallClock { issuedAt }
        let url = sandbox.request(.GET, Fixture.path(id, "console")).result.stringValue ?? ""
        let key = try #require(ticket(in: url))
        sandbox.application.reseller.consoles.useWallClock { issuedAt + 120 }
        #expect(sandbox.request(.GET, "/novnc/vnc.html?ticket=\(key)", token: .some(nil)).status == 403)
    }

    @Test func consoleIs409WhileProvisioningOrInstallingAnd404WhenUnknown() throws {
        let sandbox = try TestSandbox()
        Fixture.order(sandbox, offer: 9)
        #expect(sandbox.request(.GET, Fixture.path(9, "console")).status == 409)
        let id = Fixture.deliveredServer(sandbox)
        sandbox.request(.PUT, Fixture.path(id, "reinstall"), json: ["template": "Debian Stretch"])
        #expect(sandbox.request(.GET, Fixture.path(id, "console")).status == 409)
        #expect(sandbox.request(.GET, Fixture.path(321, "console")).status == 404)
    }
}
