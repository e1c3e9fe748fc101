import SandboxTesting
import StructuredData
import Testing

/// Shortcuts of the domain and DNS tests.
extension TestSandbox {
    /// Registers `name` and returns its uuid ("" if refused, which the caller's expectations catch).
    @discardableResult
    func registerDomain(_ name: String = "example.com", years: Int = 1, token: String? = nil) -> String {
        let response = request(
            .POST, "/api/v1/domains/", token: token.map { .some($0) } ?? .none, json: ["domain_name": .string(name), "years": .int(Int64(years))])
        #expect(response.status == 201, "registration failed: \(response.text)")
        return response.json["uuid"]?.stringValue ?? ""
    }

    /// Creates a zone for `domain` and returns its uuid.
    @discardableResult
    func createZone(_ domain: String = "example.com", token: String? = nil) -> String {
        let response = request(.POST, "/api/v1/dns-zones/", token: token.map { .some($0) } ?? .none, json: ["domain": .string(domain)])
        #expect(response.status == 201, "zone creation failed: \(response.text)")
        return response.json["uuid"]?.stringValue ?? ""
    }

    /// Adds a record (an A record at the apex unless told) and returns its uuid.
    @discardableResult
    func addRecord(
        to zone: String, _ record: JSONValue = ["record_type": "A", "name": "@", "value": "203.0.113.1"], token: String? = nil
    ) -> String {
        let response = request(.POST, "/api/v1/dns-zones/\(zone)/records/", token: token.map { .some($0) } ?? .none, json: record)
        #expect(response.status == 201, "record creation failed: \(response.text)")
        return response.json["uuid"]?.stringValue ?? ""
    }

    /// The tenant's balance in euro cents.
    func balanceCents(token: String? = nil) -> Int? {
        let euros = request(.GET, "/_sandbox/tenants", token: .some(token ?? self.token)).json["tenants"]?.arrayValue?.first?["balance"]
        return euros?.doubleValue.map { Int(($0 * 100).rounded()) }
    }
}
