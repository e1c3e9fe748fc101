import SandboxTesting
import StructuredData
import Testing

/// Change, root password, reverse DNS and the outgoing-mail firewall rule.
@Suite struct ServerSettingsTests {
    @Test func changeAppliesUpgradesAndChargesTheDifference() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let balance = sandbox.balance()
        let response = sandbox.request(
            .PUT, "/api/v1/datacenter/server/\(id)/change", json: ["cpuCores": 4, "mem": 4096, "disk": "50G", "ipCount": 3])
        #expect(response.json == ["result": true])
        let config = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/config").result
        #expect(config["cpuCores"] == 4)
        #expect(config["mem"] == 4096)
        #expect(config["disk"] == "50G")
        let ips = config["ips"]?.strings ?? []
        #expect(ips.count == 4)
        #expect(Set(ips).count == 4)
        // +2 cores 3.00, +2 GB 1.00, +25 GB 1.00, +2 IPs 2.00
        #expect(sandbox.balance() == balance - 7)
    }

    @Test func changeRefusesASmallerDiskAndIgnoresFewerIPs() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM(["template": "Debian10.0", "cpuCores": 2, "mem": 2048, "disk": "50G", "ipCount": 2])
        let smaller = sandbox.request(.PUT, "/api/v1/datacenter/server/\(id)/change", json: ["disk": "40G", "cpuCores": 8])
        #expect(smaller.status == 400)
        #expect(smaller.json["error"]?.stringValue?.contains("disk must not be smaller") == true)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/config").result["cpuCores"] == 2)

        let fewer = sandbox.request(.PUT, "/api/v1/datacenter/server/\(id)/change", form: "ipCount=1&mem=1024")
        #expect(fewer.json == ["result": true])
        let config = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/config").result
        #expect(config["ips"]?.strings.count == 3)
        #expect(config["mem"] == 1024)
        #expect(sandbox.request(.PUT, "/api/v1/datacenter/server/\(id)/change", json: ["cpuCores": 64]).status == 400)
    }

    @Test func anUpgradeBeyondTheBalanceIs402AndChangesNothing() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        sandbox.setTenant(balance: 2)
        let response = sandbox.request(.PUT, "/api/v1/datacenter/server/\(id)/change", json: ["cpuCores": 8, "ipCount": 4])
        #expect(response.status == 402)
        let config = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/config").result
        #expect(config["cpuCores"] == 2)
        #expect(config["ips"]?.strings.count == 2)
        #expect(sandbox.balance() == 2)
    }

    @Test func changeWhileInstallingIsAConflict() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        #expect(sandbox.request(.PUT, "/api/v1/datacenter/server/\(vm.id)/change", json: ["cpuCores": 4]).status == 409)
    }

    @Test func passwordResetGeneratesOrTakesAPassword() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let generated = sandbox.request(.PUT, "/api/v1/datacenter/server/\(id)/password/reset")
        #expect(generated.result.objectValue?.keys == ["status", "password"])
        #expect(generated.result["status"] == "success")
        #expect((generated.result["password"]?.stringValue?.count ?? 0) >= 12)
        let given = sandbox.request(.PUT, "/api/v1/datacenter/server/\(id)/password/reset", json: ["password": "secret1"])
        #expect(given.json == ["result": ["status": "success", "password": "secret1"]])
        let short = sandbox.request(.PUT, "/api/v1/datacenter/server/\(id)/password/reset", form: "password=abc")
        #expect(short.status == 400)
        #expect(short.json["error"]?.stringValue?.contains("password must be") == true)
    }

    @Test func reverseDNSNeedsOneOfTheVMsIPv4AddressesAndAFQDN() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let ips = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/config").result["ips"]?.strings ?? []
        try #require(ips.count == 2)
        let path = "/api/v1/datacenter/server/\(id)/rdns"
        #expect(sandbox.request(.POST, path, json: ["ip": .string(ips[0]), "hostname": "mail.example.com"]).json == ["result": true])
        #expect(sandbox.request(.POST, path, json: ["ip": .string(ips[1]), "hostname": "mail.example.com"]).status == 400)
        #expect(sandbox.request(.POST, path, json: ["ip": "8.8.8.8", "hostname": "mail.example.com"]).status == 400)
        for bad in ["localhost", "-bad.example.com", "under_score.example.com", "mail.example.123"] {
            let response = sandbox.request(.POST, path, json: ["ip": .string(ips[0]), "hostname": .string(bad)])
            #expect(response.status == 400, "\(bad)")
        }
        #expect(sandbox.request(.POST, path, json: ["hostname": "mail.example.com"]).status == 400)
        // One FQDN rule for every API: an internationalized top-level label (punycode) is fine.
        let idn = sandbox.request(.POST, path, json: ["ip": .string(ips[0]), "hostname": "mail.example.xn--p1ai"])
        #expect(idn.json == ["result": true])
    }

    @Test func outgoingMailNeedsThePermission() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let path = "/api/v1/datacenter/server/\(id)/firewall/outgoing_mails"
        let refused = sandbox.request(.POST, path, json: ["deny": false])
        #expect(refused.status == 403)
        #expect(refused.json["error"]?.stringValue?.contains("contact support") == true)
        sandbox.setTenant(permissions: ["outgoingMail"])
        #expect(sandbox.request(.POST, path, json: ["deny": false]).json == ["result": true])
        #expect(sandbox.request(.POST, path, form: "deny=1").json == ["result": true])
        #expect(sandbox.request(.POST, path, json: [:]).status == 400)
        #expect(sandbox.request(.POST, path, json: ["deny": "maybe"]).status == 400)
    }
}
