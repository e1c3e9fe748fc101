import SandboxTesting
import StructuredData
import Testing

@Suite struct DedicatedByodTests {
    typealias Fixture = DedicatedFixture
    let byod = "/api/v1/datacenter/dedicated/order/byod"
    let partsPath = "/api/v1/datacenter/dedicated/market/parts"

    func stock(_ sandbox: TestSandbox, _ id: Int64, token: String? = nil) -> Int64? {
        let parts = sandbox.request(.GET, partsPath, token: token.map { .some($0) } ?? .none).result
        for kind in ["cpu", "ram", "hdd", "ssd"] {
            if let part = parts[kind]?.arrayValue?.first(where: { $0["id"] == .int(id) }) { return part["count"]?.intValue }
        }
        return nil
    }

    @Test func partsAreListedInTheDocumentedShape() throws {
        let sandbox = try TestSandbox()
        let parts = sandbox.request(.GET, partsPath).result
        #expect(parts.objectValue?.keys == ["cpu", "ram", "hdd", "ssd"])
        #expect(
            parts["cpu"]?.arrayValue?.first
                == [
                    "id": 38, "name": "Intel(R) Xeon(R) CPU E5-2650 v1", "description": "8 Cores / 16 Threads @ 2.00GHz",
                    "count": 1, "price": 0,
                ])
        #expect(parts["ram"]?.arrayValue?.first == ["id": 29, "name": "16 GB DDR3 ECC", "description": nil, "count": 10, "price": 5])
        #expect(parts["hdd"]?.arrayValue?.first?["count"] == 0)
    }

    @Test func jsonObjectBody() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, byod, json: ["parts": ["cpu": 38, "ram": 29], "template": "Debian Buster", "hostname": "byod1"])
        #expect(response.status == 200)
        #expect(response.result.intValue.map { $0 >= 100 } == true)
    }

    @Test func documentedFlatKeysInAJSONBody() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, byod,
            json: [
                "parts": [], "parts[cpu]": 38, "parts[ram]": "29", "parts[ssd]": 33, "template": "Debian Buster",
                "ipCount": "2", "hostname": "byod1",
            ])
        #expect(response.status == 200)
        #expect(stock(sandbox, 33) == 0)
    }

    @Test func formEncodedBody() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, byod, form: "parts[cpu]=38&parts[ram]=29&parts[hdd]=28&template=Proxmox+VE+6&ipCount=1")
        #expect(response.status == 200)
        #expect(stock(sandbox, 28) == 2)
    }

    @Test func orderNumbersAreUniqueAcrossTenants() throws {
        let sandbox = try TestSandbox()
        let body: JSONValue = ["parts": ["cpu": 60, "ram": 29], "template": "Debian Buster"]
        let first = sandbox.request(.POST, byod, json: body).result.intValue
        let second = sandbox.request(.POST, byod, token: "other-tenant", json: body).result.intValue
        #expect(first != nil && second != nil && first != second)
    }

    @Test func stockIsReservedPerTenantAndPriceCharged() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, byod, json: ["parts": ["cpu": 61, "ram": 44, "ssd": 62], "template": "Debian Buster"])
        #expect(response.status == 200)
        #expect(stock(sandbox, 61) == 0)
        #expect(stock(sandbox, 44) == 5)
        #expect(stock(sandbox, 62) == 0)
        #expect(stock(sandbox, 44, token: "other-tenant") == 6)
        #expect(Fixture.balance(sandbox) == 10_000 - 62.0)
    }

    @Test func aFailedBuildReleasesItsParts() throws {
        let sandbox = try TestSandbox()
        let body: JSONValue = ["parts": ["cpu": 61, "ram": 44, "ssd": 62], "template": "Debian Buster"]
        let number = try #require(sandbox.request(.POST, byod, json: body).result.intValue)
        #expect(stock(sandbox, 61) == 0)
        let job = sandbox.request(.GET, "/_sandbox/jobs").json["jobs"]?.arrayValue?
            .first { $0["resourceType"] == "byod_order" && $0["resourceId"] == .int(number) }
        let jobId = try #require(job?["id"]?.intValue)
        #expect(sandbox.request(.POST, "/_sandbox/jobs/\(jobId)/fail").status == 200)
        let status = sandbox.request(.GET, "/api/v1/datacenter/dedicated/order/byod/status/\(number)").result
        #expect(status["status"] == "failed")
        #expect(stock(sandbox, 61) == 1)
        #expect(stock(sandbox, 44) == 6)
        #expect(stock(sandbox, 62) == 1)
        let events = sandbox.request(.GET, "/_sandbox/events").json["events"]?.arrayValue ?? []
        #expect(events.contains { $0["resourceType"] == "byod_order" && $0["from"] == "building" && $0["to"] == "failed" })
        #expect(sandbox.request(.POST, byod, json: body).status == 200)
        #expect(stock(sandbox, 61) == 0)
    }

    @Test func outOfStockIs400NamingThePart() throws {
        let sandbox = try TestSandbox()
        let hdd = sandbox.request(.POST, byod, json: ["parts": ["cpu": 38, "ram": 29, "hdd": 27], "template": "Debian Buster"])
        #expect(hdd.status == 400)
        #expect(Fixture.error(hdd) == "parts[hdd]: part 27 (Seagate BarraCuda 2 TB HDD) is out of stock")
        #expect(stock(sandbox, 38) == 1)
        #expect(sandbox.request(.POST, byod, json: ["parts": ["cpu": 38, "ram": 29], "template": "Debian Buster"]).status == 200)
        let again = sandbox.request(.POST, byod, form: "parts[cpu]=38&parts[ram]=29&template=Debian+Buster")
        #expect(again.status == 400)
        #expect(Fixture.error(again).contains("part 38"))
        #expect(Fixture.error(again).contains("out of stock"))
    }

    @Test func unknownPartsWrongKindsAndBadValuesAre400() throws {
        let sandbox = try TestSandbox()
        let cases: [(JSONValue, String)] = [
            (["cpu": 9999, "ram": 29], "parts[cpu] must be a part id"),
            (["cpu": 29, "ram": 29], "parts[cpu] must be the id of a cpu part; part 29 (16 GB DDR3 ECC) is a ram part"),
            (["cpu": 38, "ram": 29, "gpu": 5], "parts[gpu] is not a part kind"),
            (["cpu": "abc", "ram": 29], "parts[cpu] must be an integer"),
        ]
        for (parts, message) in cases {
            let response = sandbox.request(.POST, byod, json: ["parts": parts, "template": "Debian Buster"])
            #expect(response.status == 400)
            #expect(Fixture.error(response).hasPrefix(message))
        }
        let notAnObject = sandbox.request(.POST, byod, json: ["parts": 38, "template": "Debian Buster"])
        #expect(Fixture.error(notAnObject).hasPrefix("parts must be an object"))
        #expect(stock(sandbox, 38) == 1)
        #expect(Fixture.balance(sandbox) == 10_000)
    }

    @Test func cpuRamAndTemplateAreRequired() throws {
        let sandbox = try TestSandbox()
        let noCPU = sandbox.request(.POST, byod, json: ["parts": ["ram": 29], "template": "Debian Buster"])
        #expect(noCPU.status == 400)
        #expect(Fixture.error(noCPU).hasPrefix("parts[cpu] is required"))
        let noRAM = sandbox.request(.POST, byod, form: "parts[cpu]=38&template=Debian+Buster")
        #expect(Fixture.error(noRAM).hasPrefix("parts[ram] is required"))
        let noTemplate = sandbox.request(.POST, byod, json: ["parts": ["cpu": 38, "ram": 29]])
        #expect(noTemplate.status == 400)
        #expect(Fixture.error(noTemplate).hasPrefix("template is required"))
        let badIPs = sandbox.request(.POST, byod, json: ["parts": ["cpu": 38, "ram": 29], "template": "Debian Buster", "ipCount": "value"])
        #expect(Fixture.error(badIPs) == "ipCount must be an integer between 1 and 8")
        #expect(stock(sandbox, 38) == 1)
        #expect(stock(sandbox, 29) == 10)
    }

    @Test func shortBalanceIs402AndReservesNothing() throws {
        let sandbox = try TestSandbox()
        Fixture.setBalance(sandbox, 50)
        let response = sandbox.request(.POST, byod, json: ["parts": ["cpu": 61, "ram": 44, "ssd": 62], "template": "Debian Buster"])
        #expect(response.status == 402)
        #expect(stock(sandbox, 61) == 1)
        #expect(Fixture.balance(sandbox) == 50)
    }

    @Test func statusShowsProgressOver48HoursThenTheServer() throws {
        let sandbox = try TestSandbox()
        let number = try #require(
            sandbox.request(.POST, byod, json: ["parts": ["cpu": 38, "ram": 29, "ssd": 41], "template": "Debian Buster"])
                .result.intValue)
        let path = "/api/v1/datacenter/dedicated/order/byod/status/\(number)"
        #expect(sandbox.request(.GET, path).result == ["id": .int(Int(number)), "status": "building", "progress": 0, "serverId": nil])
        var last: Int64 = 0
        for _ in 0..<23 {
            sandbox.advance(seconds: 3_600)
            let status = sandbox.request(.GET, path).result
            #expect(status["status"] == "building")
            let progress = try #require(status["progress"]?.intValue)
            #expect(progress > last && progress < 100)
            last = progress
        }
        #expect(Fixture.serverList(sandbox).isEmpty)
        sandbox.advance(seconds: 25 * 3_600)
        let done = sandbox.request(.GET, path).result
        #expect(done["status"] == "completed")
        #expect(done["progress"] == 100)
        let serverId = try #require(done["serverId"]?.intValue)
        #expect(serverId >= 500)
        #expect(Fixture.serverList(sandbox) == [["id": .int(serverId), "orderComplete": true]])
        let config = sandbox.request(.GET, Fixture.path(Int(serverId), "config")).result
        #expect(config["template"] == "Debian Buster")
        #expect(
            config["configuration"]
                == [
                    "cpu": ["type": "Intel(R) Xeon(R) CPU E5-2650 v1", "count": "1"],
                    "ram": ["size": "16", "type": "DDR3 ECC"],
                    "price": 5,
                    "storage": ["size": "240", "type": "SSD", "count": "1"],
                    "location": ["id": 2, "name": "Maincubes, Frankfurt"],
                ])
        #expect(sandbox.request(.GET, Fixture.path(Int(serverId), "status")).result["orderId"] == .int(number))
    }

    @Test func unknownAndOtherTenantsOrdersAre404() throws {
        let sandbox = try TestSandbox()
        let number = try #require(
            sandbox.request(.POST, byod, json: ["parts": ["cpu": 38, "ram": 29], "template": "Debian Buster"]).result.intValue)
        let path = "/api/v1/datacenter/dedicated/order/byod/status/\(number)"
        let other = sandbox.request(.GET, path, token: "other-tenant")
        #expect(other.status == 404)
        #expect(other.json["error"]?.stringValue != nil)
        #expect(sandbox.request(.GET, "/api/v1/datacenter/dedicated/order/byod/status/99999").status == 404)
    }
}
