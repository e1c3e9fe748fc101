import SandboxTesting
import StructuredData
import Testing

/// Reseller refusals name every invalid field at once, in one `{"error": "…"}` with the
/// fields' messages joined by "; " in the order the fields are checked.
@Suite struct FieldRefusalTests {
    /// The fields whose problems the message states, in order (a field's message may have
    /// several parts, like "cpuCores is required; cpuCores must be ...").
    func named(_ response: TestResponse, _ fields: [String]) -> [String] {
        let message = response.json["error"]?.stringValue ?? ""
        let parts = message.components(separatedBy: "; ").compactMap { part in fields.first { part.hasPrefix($0 + " ") } }
        return parts.enumerated().filter { $0.offset == 0 || parts[$0.offset - 1] != $0.element }.map(\.element)
    }

    @Test func aServerCreateWithFiveWrongFieldsNamesThemAllAndChangesNothing() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, "/api/v1/datacenter/server",
            json: ["template": "Windows95", "cpuCores": 0, "mem": 2048, "disk": "9G", "ipCount": 17, "location": 99])
        #expect(response.status == 400)
        #expect(response.json.objectValue?.keys == ["error"])
        #expect(named(response, ["template", "cpuCores", "mem", "disk", "ipCount", "location"])
            == ["template", "cpuCores", "disk", "ipCount", "location"])
        let message = response.json["error"]?.stringValue ?? ""
        #expect(message.contains("cpuCores must be an integer between 1 and 32; disk must be a size in GB between 10G and 2000G"))
        #expect(sandbox.serverIDs().isEmpty)
        #expect(sandbox.balance() == 10_000)
    }

    @Test func anEmptyServerCreateNamesEveryRequiredField() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.POST, "/api/v1/datacenter/server", json: [:])
        #expect(response.status == 400)
        #expect(named(response, ["template", "cpuCores", "mem", "disk", "ipCount"])
            == ["template", "cpuCores", "mem", "disk", "ipCount"])
    }

    @Test func aSingleWrongFieldKeepsItsOwnMessage() throws {
        let sandbox = try TestSandbox()
        var order = try #require(smallVM.objectValue)
        order["ipCount"] = 0
        let response = sandbox.request(.POST, "/api/v1/datacenter/server", json: .object(order))
        #expect(response.json == ["error": "ipCount must be an integer between 1 and 16"])
    }

    @Test func changeAndReinstallNameEveryWrongField() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let change = sandbox.request(
            .PUT, sandbox.server(id, "change"), json: ["cpuCores": 99, "mem": 1, "disk": "5G", "ipCount": 2])
        #expect(change.status == 400)
        #expect(named(change, ["cpuCores", "mem", "disk", "ipCount"]) == ["cpuCores", "mem", "disk"])
        // A disk smaller than the VM's own depends on the VM: checked once the fields are valid.
        let smaller = sandbox.request(.PUT, sandbox.server(id, "change"), json: ["cpuCores": 4, "disk": "20G"])
        #expect(smaller.json == ["error": "disk must not be smaller than the current 25G (downgrading a disk could lose data)"])
        #expect(sandbox.config(id)["cpuCores"] == 2)
        let reinstall = sandbox.request(
            .PUT, sandbox.server(id, "reinstall"), json: ["template": "Windows95", "hostname": "a b", "sshKey": ["x"]])
        #expect(reinstall.status == 400)
        #expect(named(reinstall, ["template", "hostname", "sshKey"]) == ["template", "hostname", "sshKey"])
    }

    @Test func reverseDNSNamesBothWrongFields() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.runningVM()
        let cloud = sandbox.request(.POST, sandbox.server(vm, "rdns"), json: ["ip": "10.0.0", "hostname": "nodot"])
        #expect(cloud.status == 400)
        #expect(named(cloud, ["ip", "hostname"]) == ["ip", "hostname"])
        // An address of another server depends on the VM: checked once the fields are valid.
        let foreign = sandbox.request(.POST, sandbox.server(vm, "rdns"), json: ["ip": "10.0.0.1", "hostname": "mail.example.com"])
        #expect(foreign.json["error"]?.stringValue?.hasPrefix("ip must be one of the server's IPv4 addresses (185.244.") == true)
        let dedicated = DedicatedFixture.deliveredServer(sandbox)
        // Whether an IPv4 address is the server's own is checked against the server, after
        // the input; an IPv6 address is refused by the input already, with the hostname.
        let response = sandbox.request(
            .PUT, DedicatedFixture.path(dedicated, "rdns"), json: ["ip": "2a01::1", "hostname": "a b"])
        #expect(response.status == 400)
        #expect(named(response, ["ip", "hostname"]) == ["ip", "hostname"])
    }

    @Test func aScheduledTaskNamesBothWrongFields() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let response = sandbox.request(.POST, sandbox.server(id, "scheduled"), json: ["command": "explode"])
        #expect(response.status == 400)
        #expect(named(response, ["command", "interval"]) == ["command", "interval"])
        #expect(sandbox.tasks(id).isEmpty)
    }

    @Test func aSoftwareRequestNamesEveryWrongField() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let response = sandbox.request(
            .POST, "/api/v1/software/install", json: ["sid": .int(id), "package": "emacs", "port": 0])
        #expect(response.status == 400)
        #expect(named(response, ["package", "password", "port"]) == ["package", "password", "port"])
        #expect(sandbox.software(id).isEmpty)
    }

    @Test func dedicatedOrdersNameEveryWrongField() throws {
        let sandbox = try TestSandbox()
        let market = sandbox.request(
            .POST, "/api/v1/datacenter/dedicated/order", json: ["id": 999_999, "template": "Windows95", "hostname": "a b"])
        #expect(market.status == 400)
        #expect(named(market, ["id", "template", "hostname"]) == ["id", "template", "hostname"])
        let word = sandbox.request(
            .POST, "/api/v1/datacenter/dedicated/order", json: ["id": "value", "template": "value", "hostname": "a b"])
        #expect(named(word, ["id", "template", "hostname"]) == ["id", "template", "hostname"])
        // The documents' example, pasted with its placeholders: part 1 exists in no kind.
        let byod = sandbox.request(
            .POST, "/api/v1/datacenter/dedicated/order/byod",
            json: [
                "parts": [], "parts[cpu]": 1, "parts[ram]": 1, "parts[ssd]": 1, "parts[hdd]": 1, "template": "value",
                "ipCount": "value", "hostname": "value",
            ])
        #expect(byod.status == 400)
        let fields = ["parts[cpu]", "parts[ram]", "parts[ssd]", "parts[hdd]", "template", "ipCount", "hostname"]
        #expect(named(byod, fields) == ["parts[cpu]", "parts[ram]", "parts[ssd]", "parts[hdd]", "template", "ipCount"])
        // A missing CPU may be sent nested or flat; it is named with the other fields.
        let noCPU = sandbox.request(
            .POST, "/api/v1/datacenter/dedicated/order/byod",
            json: ["parts": ["ram": 29], "template": "value", "hostname": "a b", "ipCount": "value"])
        #expect(named(noCPU, fields) == ["template", "ipCount", "hostname", "parts[cpu]"])
        let flatRAM = sandbox.request(
            .POST, "/api/v1/datacenter/dedicated/order/byod", form: "parts[cpu]=38&template=value")
        #expect(flatRAM.json["error"] == "template must be one of GET /datacenter/dedicated/templates; \"value\" is not; parts[ram] is required: the id of a ram part from GET /datacenter/dedicated/market/parts")
        #expect(DedicatedFixture.serverList(sandbox).isEmpty)
        let id = DedicatedFixture.deliveredServer(sandbox)
        let reinstall = sandbox.request(
            .PUT, DedicatedFixture.path(id, "reinstall"), json: ["template": "Windows95", "hostname": "a b"])
        #expect(reinstall.status == 400)
        #expect(named(reinstall, ["template", "hostname"]) == ["template", "hostname"])
    }
}
