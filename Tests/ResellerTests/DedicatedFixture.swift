import SandboxTesting
import StructuredData

/// Shared steps of the dedicated-server tests.
enum DedicatedFixture {
    /// Offer 23 is delivered after 1 hour and costs 29 EUR.
    static let quickOffer = 23
    static let template = "Debian Buster"

    @discardableResult
    static func order(_ sandbox: TestSandbox, offer: Int = quickOffer, token: String? = nil) -> TestResponse {
        sandbox.request(
            .POST, "/api/v1/datacenter/dedicated/order", token: token.map { .some($0) } ?? .none,
            json: ["id": .int(offer), "template": .string(template), "hostname": "web1.example.com"])
    }

    /// Orders offer 23 and waits until it is delivered; returns its ID.
    static func deliveredServer(_ sandbox: TestSandbox, token: String? = nil) -> Int {
        order(sandbox, token: token)
        sandbox.advance(seconds: 3_600, token: token)
        return quickOffer
    }

    static func path(_ id: Int, _ action: String) -> String { "/api/v1/datacenter/dedicated/\(id)/\(action)" }

    static func balance(_ sandbox: TestSandbox) -> Double? {
        sandbox.request(.GET, "/_sandbox/tenants").json["tenants"]?.arrayValue?.first?["balance"]?.doubleValue
    }

    static func setBalance(_ sandbox: TestSandbox, _ euros: Double) {
        sandbox.request(.POST, "/_sandbox/tenants", json: ["token": .string(sandbox.token), "balance": .double(euros)])
    }

    static func marketIds(_ sandbox: TestSandbox, token: String? = nil) -> [Int64] {
        let response = sandbox.request(.GET, "/api/v1/datacenter/dedicated/market", token: token.map { .some($0) } ?? .none)
        return response.result.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
    }

    static func serverList(_ sandbox: TestSandbox) -> [JSONValue] {
        sandbox.request(.GET, "/api/v1/datacenter/dedicated").result.arrayValue ?? []
    }

    /// The error message of a refusal, for checks that it names the field.
    static func error(_ response: TestResponse) -> String { response.json["error"]?.stringValue ?? "" }
}
