import SandboxTesting
import StructuredData
import Testing

/// The dedicated endpoints' declarations: what the OpenAPI document says of their input, and
/// the readings and refusals the declarations give.
@Suite struct DedicatedContractTests {
    typealias Fixture = DedicatedFixture
    let byod = "/api/v1/datacenter/dedicated/order/byod"

    func operation(_ sandbox: TestSandbox, _ method: String, _ path: String) -> JSONValue? {
        sandbox.request(.GET, "/_sandbox/openapi.json").json["paths"]?[path]?[method]
    }

    @Test func theOrderOperationsListTheirFieldsWithRequiredAndEnums() throws {
        let sandbox = try TestSandbox()
        let order = operation(sandbox, "post", "/api/v1/datacenter/dedicated/order")?["requestBody"]?["content"]?["application/json"]?["schema"]
        #expect(order?["required"] == ["id", "template", "hostname"])
        #expect(order?["properties"]?["id"]?["enum"]?.arrayValue?.contains(9) == true)
        #expect(order?["properties"]?["template"]?["enum"]?.arrayValue?.contains("Debian Buster") == true)
        #expect(order?["properties"]?["hostname"]?["description"] == "Server Hostname")

        let parts = operation(sandbox, "post", "/api/v1/datacenter/dedicated/order/byod")?["requestBody"]?["content"]?["application/json"]?["schema"]
        #expect(parts?["properties"]?.objectValue?.keys == [
            "parts", "parts[cpu]", "parts[ram]", "parts[ssd]", "parts[hdd]", "template", "ipCount", "hostname",
        ])
        #expect(parts?["required"] == ["template"])
        #expect(parts?["properties"]?["parts[cpu]"]?["enum"]?.arrayValue?.contains(38) == true)
        #expect(parts?["properties"]?["parts[cpu]"]?["enum"]?.arrayValue?.contains(29) == false)
        #expect(parts?["properties"]?["ipCount"]?["maximum"] == 8)
        #expect(parts?["properties"]?["parts"]?["oneOf"]?.arrayValue?.count == 2)

        let rdns = operation(sandbox, "put", "/api/v1/datacenter/dedicated/{sid}/rdns")
        #expect(rdns?["requestBody"]?["content"]?["application/json"]?["schema"]?["required"] == ["ip", "hostname"])
        #expect(rdns?["parameters"]?.arrayValue?.first?["name"] == "sid")
        let config = operation(sandbox, "get", "/api/v1/datacenter/dedicated/{sid}/config")
        #expect(config?["responses"]?["200"] != nil)
    }

    @Test func severalWrongPartsAreNamedInOneRefusal() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, byod, json: ["parts": ["cpu": 29, "ram": "x", "gpu": 5], "template": "Debian Buster"])
        #expect(response.status == 400)
        let message = Fixture.error(response)
        #expect(message.contains("parts[ram] must be an integer"))
        #expect(message.contains("parts[cpu] must be the id of a cpu part; part 29 (16 GB DDR3 ECC) is a ram part"))
        #expect(message.contains("parts[gpu] is not a part kind"))
    }

    @Test func aListOfPartIdsIsReadByTheirKinds() throws {
        let sandbox = try TestSandbox()
        let twoRAMKits = sandbox.request(.POST, byod, json: ["parts": [38, 29, 44], "template": "Debian Buster"])
        #expect(Fixture.error(twoRAMKits) == "parts[ram] takes one part; both 29 and 44 are ram parts")
        let form = sandbox.request(.POST, byod, form: "parts[]=38&parts[]=29&template=Debian+Buster")
        #expect(form.status == 200)
        #expect(form.result.intValue != nil)
    }

    @Test func theNestedFormWinsOverAFlatKeyAndTextIsReadAsNumbers() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(
            .POST, byod,
            json: ["parts": ["cpu": "38", "ram": 29], "parts[cpu]": 60, "template": "Debian Buster", "ipCount": "2"])
        #expect(response.status == 200)
        let stock = sandbox.request(.GET, "/api/v1/datacenter/dedicated/market/parts").result["cpu"]?.arrayValue ?? []
        #expect(stock.first { $0["id"] == 38 }?["count"] == 0)
        #expect(stock.first { $0["id"] == 60 }?["count"] == 2)
    }

    @Test func anOfferIdAsTextIsReadAndAMissingOneNamesTheRule() throws {
        let sandbox = try TestSandbox()
        let order = "/api/v1/datacenter/dedicated/order"
        let missing = sandbox.request(.POST, order, json: ["template": "Debian Buster", "hostname": "web1"])
        #expect(Fixture.error(missing) == "id is required; id must be the id of an offer on GET /datacenter/dedicated/market")
        let text = sandbox.request(.POST, order, form: "id=9&template=Debian+Buster&hostname=web1")
        #expect(text.json == ["result": true])
    }
}
