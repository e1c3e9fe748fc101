import SandboxTesting
import StructuredData
import Testing

@Suite struct DedicatedMarketTests {
    typealias Fixture = DedicatedFixture

    @Test func marketListsTheSeedOffersInTheDocumentedShape() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.GET, "/api/v1/datacenter/dedicated/market")
        #expect(response.status == 200)
        let offers = try #require(response.result.arrayValue)
        #expect(offers.count == 11)
        #expect(
            offers.first
                == [
                    "id": 9, "model": "HP ProLiant BL460c G8", "description": "",
                    "configuration": [
                        "cpu": ["type": "Intel Xeon E5-2609 v2", "count": "1"],
                        "ram": ["type": "DDR3 ECC", "size": "32"],
                        "storage": ["type": "SSD", "count": "2", "size": "250"],
                        "price": 39,
                        "location": ["id": 2, "name": "Maincubes, Frankfurt"],
                    ],
                ])
        let offer84 = try #require(offers.first { $0["id"] == 84 })
        #expect(offer84["description"] == .null)
        #expect(offer84["configuration"]?["ram"]?["size"] == "32 GB DDR4 ECC")
        #expect(offers.allSatisfy { $0["provisioningHours"] == nil })
    }

    @Test func templatesAreTheDocumentedList() throws {
        let sandbox = try TestSandbox()
        let templates = try #require(sandbox.request(.GET, "/api/v1/datacenter/dedicated/templates").result.arrayValue)
        #expect(templates.count == 23)
        #expect(templates.first == "CentOS 7 (latest) (DE)")
        #expect(templates.last == "Ubuntu 20.04 LTS")
        #expect(templates.contains("[COPY] Debian 10 Buster - Software RAID (DE) Test"))
    }

    @Test func orderingRemovesTheOfferChargesAndListsTheServer() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, "/api/v1/datacenter/dedicated/order", json: ["id": 9, "template": "Debian Jessie", "hostname": "db1"])
        #expect(response.status == 200)
        #expect(response.json == ["result": true])
        #expect(!Fixture.marketIds(sandbox).contains(9))
        #expect(Fixture.marketIds(sandbox, token: "other-tenant").contains(9))
        #expect(Fixture.balance(sandbox) == 9_961)
        let list = sandbox.request(.GET, "/api/v1/datacenter/dedicated/")
        #expect(list.status == 200)
        #expect(list.result == [["id": 9, "orderComplete": false]])
    }

    @Test func orderCompletesAfterTheOffersProvisioningHours() throws {
        let sandbox = try TestSandbox()
        Fixture.order(sandbox, offer: 9)  // provisioningHours 2
        sandbox.advance(seconds: 2 * 3_600 - 1)
        #expect(Fixture.serverList(sandbox) == [["id": 9, "orderComplete": false]])
        sandbox.advance(seconds: 1)
        #expect(Fixture.serverList(sandbox) == [["id": 9, "orderComplete": true]])
        let status = sandbox.request(.GET, Fixture.path(9, "status")).result
        #expect(status["state"] == "running")
        #expect(status["status"] == "online")
    }

    @Test func shortBalanceIs402AndChangesNothing() throws {
        let sandbox = try TestSandbox()
        Fixture.setBalance(sandbox, 30)
        let response = Fixture.order(sandbox, offer: 9)
        #expect(response.status == 402)
        #expect(response.json == ["error": "Insufficient balance"])
        #expect(Fixture.marketIds(sandbox).contains(9))
        #expect(Fixture.serverList(sandbox).isEmpty)
        #expect(Fixture.balance(sandbox) == 30)
        #expect(Fixture.order(sandbox, offer: 23).status == 200)
        #expect(Fixture.balance(sandbox) == 1)
    }

    @Test func badTemplateMissingHostnameAndUnknownOfferAre400NamingTheField() throws {
        let sandbox = try TestSandbox()
        let order = "/api/v1/datacenter/dedicated/order"
        let badTemplate = sandbox.request(.POST, order, json: ["id": 9, "template": "Debian10.0", "hostname": "a"])
        #expect(badTemplate.status == 400)
        #expect(Fixture.error(badTemplate).hasPrefix("template must be one of"))
        let noHostname = sandbox.request(.POST, order, json: ["id": 9, "template": "Debian Jessie"])
        #expect(noHostname.status == 400)
        #expect(Fixture.error(noHostname).hasPrefix("hostname is required"))
        let badHostname = sandbox.request(.POST, order, json: ["id": 9, "template": "Debian Jessie", "hostname": "a b"])
        #expect(badHostname.status == 400)
        let unknown = sandbox.request(.POST, order, json: ["id": 999, "template": "Debian Jessie", "hostname": "a"])
        #expect(unknown.status == 400)
        #expect(Fixture.error(unknown).hasPrefix("id must be"))
        let notANumber = sandbox.request(.POST, order, json: ["id": "nine", "template": "Debian Jessie", "hostname": "a"])
        #expect(notANumber.status == 400)
        #expect(Fixture.error(notANumber) == "id must be an integer")
        #expect(Fixture.serverList(sandbox).isEmpty)
        #expect(Fixture.balance(sandbox) == 10_000)
    }

    @Test func anOfferCannotBeOrderedTwice() throws {
        let sandbox = try TestSandbox()
        #expect(Fixture.order(sandbox, offer: 9).status == 200)
        let again = Fixture.order(sandbox, offer: 9)
        #expect(again.status == 400)
        #expect(Fixture.error(again).contains("already been ordered"))
        #expect(Fixture.balance(sandbox) == 9_961)
    }

    @Test func extraFieldsSuchAsIpCountAreAccepted() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, "/api/v1/datacenter/dedicated/order",
            json: ["id": "84", "template": "Ubuntu 20.04 LTS", "hostname": "web1", "ipCount": "2", "comment": "x"])
        #expect(response.json == ["result": true])
        #expect(Fixture.serverList(sandbox) == [["id": 84, "orderComplete": false]])
    }

    @Test func formBodiesWork() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, "/api/v1/datacenter/dedicated/order", form: "id=12&template=Debian+Buster&hostname=web1&ipCount=1")
        #expect(response.json == ["result": true])
        let mislabelled = sandbox.request(
            .POST, "/api/v1/datacenter/dedicated/order", body: Array("id=17&template=Debian%20Buster&hostname=web2".utf8),
            headers: [("Content-Type", "application/json")])
        #expect(mislabelled.json == ["result": true])
        #expect(Fixture.serverList(sandbox).count == 2)
    }
}
