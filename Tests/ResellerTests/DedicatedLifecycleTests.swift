import HTTP1
import SQLiteStore
import SandboxTesting
import StructuredData
import Testing

@Suite struct DedicatedLifecycleTests {
    typealias Fixture = DedicatedFixture

    func status(_ sandbox: TestSandbox, _ id: Int) -> JSONValue { sandbox.request(.GET, Fixture.path(id, "status")).result }

    @Test func everyServerEndpointIs409BeforeTheOrderIsComplete() throws {
        let sandbox = try TestSandbox()
        Fixture.order(sandbox, offer: 9)
        let calls: [(HTTPMethod, String, JSONValue?)] = [
            (.PUT, "start", nil), (.PUT, "shutdown", nil), (.PUT, "reboot", nil),
            (.PUT, "reinstall", ["template": "Debian Buster"]), (.GET, "status", nil), (.GET, "config", nil),
            (.GET, "installation", nil), (.PUT, "rdns", ["ip": "1.2.3.4", "hostname": "a.example.com"]),
            (.POST, "terminate", nil),
        ]
        for (method, action, body) in calls {
            let response = sandbox.request(method, Fixture.path(9, action), json: body)
            #expect(response.status == 409, "\(action)")
            #expect(Fixture.error(response).contains("order is not complete"), "\(action)")
        }
        #expect(Fixture.serverList(sandbox) == [["id": 9, "orderComplete": false]])
    }

    @Test func statusHasTheDocumentedShapeAndGrowsWithTheClock() throws {
        let sandbox = try TestSandbox()
        let id = Fixture.deliveredServer(sandbox)
        let first = status(sandbox, id)
        #expect(first.objectValue?.keys == ["orderId", "traffic", "netin", "netout", "uptime", "state", "status"])
        #expect(first["orderId"]?.intValue.map { $0 >= 300 } == true)
        #expect(first["uptime"] == 0)
        sandbox.advance(seconds: 600)
        let later = status(sandbox, id)
        #expect(later["uptime"] == 600)
        let netin = try #require(later["netin"]?.intValue)
        let netout = try #require(later["netout"]?.intValue)
        #expect(netin > 0 && netout > 0)
        #expect(later["traffic"] == .int(netin + netout))
        #expect(later["state"] == "running" && later["status"] == "online")
    }

    @Test func startShutdownAndRebootChangeTheState() throws {
        let sandbox = try TestSandbox()
        let id = Fixture.deliveredServer(sandbox)
        sandbox.advance(seconds: 300)
        #expect(sandbox.request(.PUT, Fixture.path(id, "shutdown")).json == ["result": true])
        let halted = status(sandbox, id)
        #expect(halted["state"] == "halted" && halted["status"] == "offline" && halted["uptime"] == 0)
        let traffic = halted["traffic"]
        sandbox.advance(seconds: 300)
        #expect(status(sandbox, id)["traffic"] == traffic)
        #expect(sandbox.request(.PUT, Fixture.path(id, "shutdown")).json == ["result": true])

        #expect(sandbox.request(.PUT, Fixture.path(id, "start")).json == ["result": true])
        #expect(status(sandbox, id)["state"] == "running")
        sandbox.advance(seconds: 120)
        #expect(status(sandbox, id)["uptime"] == 120)

        #expect(sandbox.request(.PUT, Fixture.path(id, "reboot")).json == ["result": true])
        let rebooting = status(sandbox, id)
        #expect(rebooting["state"] == "halted" && rebooting["status"] == "offline")
        sandbox.advance(seconds: 59)
        #expect(status(sandbox, id)["status"] == "offline")
        sandbox.advance(seconds: 1)
        let back = status(sandbox, id)
        #expect(back["state"] == "running" && back["status"] == "online" && back["uptime"] == 0)
        #expect(sandbox.request(.POST, Fixture.path(id, "start")).status == 405)
    }

    @Test func configHasTheDocumentedShape() throws {
        let sandbox = try TestSandbox()
        let id = Fixture.deliveredServer(sandbox)
        let config = sandbox.request(.GET, Fixture.path(id, "config")).result
        #expect(config.objectValue?.keys == ["ssh", "ips", "template", "configuration"])
        #expect(config["ssh"]?["root"]?.objectValue?.keys == ["password"])
        #expect(config["ssh"]?["user"]?["username"] == "user")
        #expect(config["ssh"]?["root"]?["password"]?.stringValue?.count == 12)
        #expect(config["ips"]?.arrayValue?.count == 1)
        #expect(config["template"] == .string(Fixture.template))
        #expect(
            config["configuration"]
                == [
                    "cpu": ["type": "Intel Xeon E3-1230 v2", "count": "1"], "ram": ["size": "32", "type": "DDR3 ECC"],
                    "price": 29, "storage": ["size": "240", "type": "SSD", "count": "2"],
                    "location": ["id": 2, "name": "Maincubes, Frankfurt"],
                ])
    }

    @Test func reverseDNSIsSetWithPUTOnTheServersOwnIPv4() throws {
        let sandbox = try TestSandbox()
        let id = Fixture.deliveredServer(sandbox)
        let ip = try #require(sandbox.request(.GET, Fixture.path(id, "config")).result["ips"]?.arrayValue?.first)
        let ok = sandbox.request(.PUT, Fixture.path(id, "rdns"), json: ["ip": ip, "hostname": "mail.example.com"])
        #expect(ok.json == ["result": true])
        let form = sandbox.request(.PUT, Fixture.path(id, "rdns"), form: "ip=\(ip.stringValue ?? "")&hostname=web.example.com")
        #expect(form.json == ["result": true])
        let foreign = sandbox.request(.PUT, Fixture.path(id, "rdns"), json: ["ip": "8.8.8.8", "hostname": "mail.example.com"])
        #expect(foreign.status == 400)
        #expect(Fixture.error(foreign).hasPrefix("ip must be one of this server's IPv4 addresses"))
        let v6 = sandbox.request(.PUT, Fixture.path(id, "rdns"), json: ["ip": "2a01::1", "hostname": "mail.example.com"])
        #expect(Fixture.error(v6).hasPrefix("ip must be an IPv4 address"))
        let noHost = sandbox.request(.PUT, Fixture.path(id, "rdns"), json: ["ip": ip])
        #expect(noHost.status == 400)
        #expect(Fixture.error(noHost).hasPrefix("hostname is required"))
        let notFQDN = sandbox.request(.PUT, Fixture.path(id, "rdns"), json: ["ip": ip, "hostname": "mail"])
        #expect(Fixture.error(notFQDN).hasPrefix("hostname must be a fully qualified domain name"))
        let numericTop = sandbox.request(.PUT, Fixture.path(id, "rdns"), json: ["ip": ip, "hostname": "mail.example.123"])
        #expect(Fixture.error(numericTop).hasPrefix("hostname must be a fully qualified domain name"))
        #expect(sandbox.request(.POST, Fixture.path(id, "rdns"), json: ["ip": ip, "hostname": "a.example.com"]).status == 405)
    }

    @Test func unknownServersAre404() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.PUT, Fixture.path(77, "start"))
        #expect(response.status == 404)
        #expect(response.json == ["error": "Dedicated server 77 not found"])
    }

    @Test func storedHardwareOfAnotherShapeIsA500NamingIt() throws {
        let sandbox = try TestSandbox()
        let id = Fixture.deliveredServer(sandbox)
        try sandbox.application.runtime.database.write {
            try $0.run("UPDATE dedicated_servers SET hardware = '{\"cpu\":1}' WHERE id = ?", id)
        }
        let response = sandbox.request(.GET, Fixture.path(id, "config"))
        #expect(response.status == 500)
        #expect(Fixture.error(response).contains("dedicated_servers.hardware holds '{\"cpu\":1}'"), "\(Fixture.error(response))")
    }
}
