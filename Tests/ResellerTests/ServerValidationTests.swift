import SandboxTesting
import StructuredData
import Testing

/// Every refusal of `POST /datacenter/server`, and the request forms real clients send.
@Suite struct ServerValidationTests {
    static let refusals: [(field: String, value: JSONValue?, message: String)] = [
        ("template", "Windows95", "template must be one of"),
        ("template", nil, "template is required"),
        ("cpuCores", 0, "cpuCores must be an integer between 1 and 32"),
        ("cpuCores", 33, "cpuCores must be an integer between 1 and 32"),
        ("cpuCores", "two", "cpuCores must be an integer between 1 and 32"),
        ("cpuCores", nil, "cpuCores is required"),
        ("mem", 511, "mem must be an integer between 512 and 262144"),
        ("mem", 262_145, "mem must be an integer between 512 and 262144"),
        ("mem", [1], "mem must be an integer between 512 and 262144"),
        ("mem", nil, "mem is required"),
        ("disk", "9G", "disk must be a size in GB between 10G and 2000G"),
        ("disk", "2001G", "disk must be a size in GB between 10G and 2000G"),
        ("disk", "25T", "disk must be a size in GB between 10G and 2000G"),
        ("disk", ["size": 25], "disk must be a size in GB between 10G and 2000G"),
        ("disk", nil, "disk is required"),
        ("ipCount", 0, "ipCount must be an integer between 1 and 16"),
        ("ipCount", 17, "ipCount must be an integer between 1 and 16"),
        ("ipCount", "1.5", "ipCount must be an integer between 1 and 16"),
        ("ipCount", nil, "ipCount is required"),
        ("location", 99, "location must be one of the ids"),
        ("location", "Frankfurt", "location must be one of the ids"),
        ("hostname", "abc", "hostname must be 4 to 253 characters"),
        ("hostname", "web server", "hostname must be 4 to 253 characters"),
        ("hostname", "....", "hostname must be 4 to 253 characters"),
        ("hostname", "-web.example.com", "hostname must be 4 to 253 characters"),
        ("hostname", "web..example.com", "hostname must be 4 to 253 characters"),
        ("sshKey", ["ssh-rsa"], "sshKey must be a string"),
    ]

    @Test(arguments: 0..<refusals.count)
    func createRefusesABadField(index: Int) throws {
        let refusal = Self.refusals[index]
        let sandbox = try TestSandbox()
        var order = try #require(smallVM.objectValue)
        order[refusal.field] = refusal.value
        let response = sandbox.request(.POST, "/api/v1/datacenter/server", json: .object(order))
        #expect(response.status == 400, "\(refusal.field)=\(String(describing: refusal.value))")
        let message = response.json["error"]?.stringValue ?? ""
        #expect(message.contains(refusal.message), "\(message)")
        #expect(sandbox.serverIDs().isEmpty)
        #expect(sandbox.balance() == 10_000)
    }

    @Test func createWithoutEnoughBalanceIs402AndCreatesNothing() throws {
        let sandbox = try TestSandbox()
        sandbox.setTenant(balance: 5)
        let response = sandbox.request(.POST, "/api/v1/datacenter/server", json: smallVM)
        #expect(response.status == 402)
        #expect(response.json == ["error": "Insufficient balance"])
        #expect(sandbox.serverIDs().isEmpty)
        #expect(sandbox.balance() == 5)
    }

    @Test func createChargesTheDocumentedMonthlyPrice() throws {
        let sandbox = try TestSandbox()
        _ = sandbox.createVM()
        // 2 cores 3.00 + 2 GB 1.00 + 25 GB disk 1.00 + 1 IP 1.00
        #expect(sandbox.balance() == 10_000 - 6)
    }

    @Test func formBodiesStringNumbersAndTrailingSlashesWork() throws {
        let sandbox = try TestSandbox()
        let form = sandbox.request(
            .POST, "/api/v1/datacenter/server/",
            form: "template=Ubuntu20.04&cpuCores=2&mem=2048&disk=100G&ipCount=2&location=2&hostname=web1.example.com")
        #expect(form.status == 200, "\(form.text)")
        let strings = sandbox.request(
            .POST, "/api/v1/datacenter/server",
            json: ["template": "Debian10.0", "cpuCores": "1", "mem": "1024", "disk": "30", "ipCount": "1", "location": "1"])
        #expect(strings.status == 200, "\(strings.text)")
        let ids = sandbox.serverIDs()
        try #require(ids.count == 2)
        let config = sandbox.request(.GET, "/api/v1/datacenter/server/\(ids[0])/config/").result
        #expect(config["template"] == "Ubuntu20.04")
        #expect(config["disk"] == "100G")
        #expect(config["ips"]?.strings.count == 3)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/server/\(ids[1])/config").result["disk"] == "30G")
    }

    @Test func formBodyUnderAJSONContentTypeWorks() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, "/api/v1/datacenter/server",
            body: Array("template=Debian10.0&cpuCores=1&mem=512&disk=10G&ipCount=1".utf8),
            headers: [("Content-Type", "application/json")])
        #expect(response.status == 200, "\(response.text)")
    }
}
