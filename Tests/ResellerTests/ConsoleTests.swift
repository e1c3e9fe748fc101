import Reseller
import SandboxCore
import SandboxTesting
import StructuredData
import Testing

@Suite struct ConsoleTests {
    /// The `ticket` query item of a console URL.
    func ticket(in url: String) -> String? {
        url.split(separator: "?", maxSplits: 1).last?.split(separator: "&")
            .first { $0.hasPrefix("ticket=") }.map { String($0.dropFirst("ticket=".count)) }
    }

    @Test func consoleURLMimicsTheDocumentsAndOpensTheStandInPage() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let response = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/console")
        #expect(response.status == 200)
        let url = try #require(response.result.stringValue)
        let origin = "http://127.0.0.1:\(sandbox.port)"
        #expect(url.hasPrefix("\(origin)/novnc/vnc.html?host=127.0.0.1:\(sandbox.port)&password=PVEVNC:"))
        #expect(url.contains("&path=novnc%2Fproxy%2Fpve-sandbox%2F\(id)%2F%3Fport%3D5900%26vncticket%3DPVEVNC%253A"))
        #expect(ticket(in: url) != nil)
        let page = sandbox.request(.GET, String(url.dropFirst(origin.count)), token: .some(nil))
        #expect(page.status == 200)
        #expect(page.headers["Content-Type"]?.hasPrefix("text/html") == true)
        #expect(page.text.contains("cloud server \(id)"))
    }

    @Test func unknownOrMissingTicketIsForbidden() throws {
        let sandbox = try TestSandbox()
        #expect(sandbox.request(.GET, "/novnc/vnc.html?ticket=nope", token: .some(nil)).status == 403)
        #expect(sandbox.request(.GET, "/novnc/vnc.html", token: .some(nil)).status == 403)
    }

    @Test func ticketExpiresAfterItsRealTimeValidity() throws {
        let sandbox = try TestSandbox { $0.consoleTicketSeconds = 0.05 }
        let id = sandbox.runningVM()
        let issuedAt = realTimeMillis()
        sandbox.application.reseller.consoles.useWallClock { issuedAt }
        let url = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/console").result.stringValue ?? ""
        let key = try #require(ticket(in: url))
        sandbox.application.reseller.consoles.useWallClock { issuedAt + 40 }
        #expect(sandbox.request(.GET, "/novnc/vnc.html?ticket=\(key)", token: .some(nil)).status == 200)
        sandbox.application.reseller.consoles.useWallClock { issuedAt + 120 }
        let page = sandbox.request(.GET, "/novnc/vnc.html?ticket=\(key)", token: .some(nil))
        #expect(page.status == 403)
        #expect(page.text.contains("expired"))
    }

    @Test func ticketsDoNotDependOnTheSandboxClock() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let url = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/console").result.stringValue ?? ""
        sandbox.advance(seconds: 3600)
        let key = try #require(ticket(in: url))
        #expect(sandbox.request(.GET, "/novnc/vnc.html?ticket=\(key)", token: .some(nil)).status == 200)
    }

    @Test func ticketsBelongToTheirSandbox() throws {
        let sandbox = try TestSandbox()
        let neighbour = try TestSandbox()
        let id = sandbox.runningVM()
        let url = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/console").result.stringValue ?? ""
        let key = try #require(ticket(in: url))
        #expect(sandbox.request(.GET, "/novnc/vnc.html?ticket=\(key)", token: .some(nil)).status == 200)
        #expect(neighbour.request(.GET, "/novnc/vnc.html?ticket=\(key)", token: .some(nil)).status == 403)
    }

    /// Values that would overflow the expiry (or make no sense) are ignored: 10 s.
    @Test func unusableValiditiesFallBackToTenSeconds() throws {
        for text in ["inf", "-inf", "nan", "1e300", "0", "-5", "3601", "soon", ""] {
            #expect(ConsoleTickets.validity(from: text) == 10, "\(text)")
            #expect(ConsoleTickets(validity: Double(text) ?? .infinity).validity == 10, "\(text)")
        }
        #expect(ConsoleTickets.validity(from: nil) == 10)
        #expect(ConsoleTickets.validity(from: "0.5") == 0.5)
        #expect(ConsoleTickets.validity(from: "3600") == 3600)
        let sandbox = try TestSandbox { $0.consoleTicketSeconds = 1e300 }
        let id = sandbox.runningVM()
        let url = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/console").result.stringValue ?? ""
        let key = try #require(ticket(in: url))
        #expect(sandbox.request(.GET, "/novnc/vnc.html?ticket=\(key)", token: .some(nil)).status == 200)
    }

    @Test func consoleOfAnUnknownVMIs404() throws {
        let sandbox = try TestSandbox()
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/4000/console").status == 404)
    }
}
