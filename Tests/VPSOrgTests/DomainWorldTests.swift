import SandboxTesting
import StructuredData
import Testing

/// Domains and DNS zones in what the sandbox offers around the API: scenarios, snapshots,
/// tenant reset and the dashboard.
@Suite struct DomainWorldTests {
    static let scenario: JSONValue = [
        "version": 1,
        "tenants": [[
            "token": "dns-scenario", "balance": 50,
            "vpsorgDomains": [
                ["domain_name": "studio.eu", "years": 2, "nameservers": ["ns1.example.net", "ns2.example.net"]],
                ["domain_name": "studio.com"],
            ],
            "vpsorgDnsZones": [[
                "domain": "studio.eu",
                "records": [
                    ["record_type": "A", "name": "@", "value": "185.212.0.10"],
                    ["record_type": "MX", "name": "@", "value": "mail.studio.eu", "priority": 10],
                ],
            ]],
        ]],
    ]

    @Test func scenariosSeedDomainsAndZonesOnce() throws {
        let sandbox = try TestSandbox()
        let token = "dns-scenario"
        let loaded = sandbox.request(.POST, "/_sandbox/scenarios", token: .some(nil), json: Self.scenario)
        #expect(loaded.status == 200, "\(loaded.text)")
        let created = loaded.json["tenants"]?.arrayValue?.first?["created"]?.arrayValue ?? []
        #expect(created.map { $0["type"] } == ["vpsorgDomain", "vpsorgDomain", "vpsorgDnsZone"])
        #expect(created.map { $0["name"] } == ["studio.eu", "studio.com"] + ["studio.eu"])
        // The scenario's objects are free; the balance is the scenario's.
        #expect(sandbox.balanceCents(token: token) == 5000)

        let domains = sandbox.request(.GET, "/api/v1/domains/", token: token).json["results"]?.arrayValue ?? []
        #expect(domains.map { $0["expiration_date"] } == ["2028-01-01", "2027-01-01"])
        #expect(domains.first?["nameserver1"] == "ns1.example.net")
        let zones = sandbox.request(.GET, "/api/v1/dns-zones/?domain=studio.eu", token: token).json["results"]?.arrayValue ?? []
        let zone = try #require(zones.first?["uuid"]?.stringValue)
        let records = sandbox.request(.GET, "/api/v1/dns-zones/\(zone)/", token: token).json["records"]?.arrayValue ?? []
        #expect(records.map { $0["record_type"] } == ["NS", "NS", "A", "MX"])

        let again = sandbox.request(.POST, "/_sandbox/scenarios", token: .some(nil), json: Self.scenario)
        #expect(again.json["tenants"]?.arrayValue?.first?["created"] == [])
        #expect(again.json["tenants"]?.arrayValue?.first?["kept"]?.arrayValue?.count == 3)
        #expect(sandbox.request(.GET, "/api/v1/dns-zones/\(zone)/", token: token).json["record_count"] == 4)
    }

    @Test func aScenarioRefusalNamesThePathAndAppliesNothing() throws {
        let sandbox = try TestSandbox()
        var document = try #require(Self.scenario.objectValue)
        document["tenants"] = [[
            "token": "dns-refused",
            "vpsorgDomains": [["domain_name": "fine.com"]],
            "vpsorgDnsZones": [["domain": "fine.com", "records": [["record_type": "A", "name": "@", "value": "::1"]]]],
        ]]
        let refused = sandbox.request(.POST, "/_sandbox/scenarios", token: .some(nil), json: .object(document))
        #expect(refused.status == 400)
        #expect(refused.json["error"]?.stringValue?.contains("tenants[0].vpsorgDnsZones[0].records[0].value") == true, "\(refused.text)")
        #expect(sandbox.request(.GET, "/api/v1/domains/", token: "dns-refused").json["count"] == 0)
        #expect(sandbox.request(.GET, "/api/v1/dns-zones/", token: "dns-refused").json["count"] == 0)
    }

    /// A domain, a zone with records, as the clients see them.
    private func world(_ sandbox: TestSandbox) -> [JSONValue] {
        let zones = sandbox.request(.GET, "/api/v1/dns-zones/").json
        let zone = zones["results"]?.arrayValue?.first?["uuid"]?.stringValue ?? ""
        return [sandbox.request(.GET, "/api/v1/domains/").json, zones, sandbox.request(.GET, "/api/v1/dns-zones/\(zone)/").json]
    }

    @Test func snapshotsRoundTripDomainsZonesAndRecords() throws {
        let sandbox = try TestSandbox()
        sandbox.registerDomain()
        let zone = sandbox.createZone()
        sandbox.addRecord(to: zone, ["record_type": "TXT", "name": "@", "value": "hello"])
        let before = world(sandbox)
        let snapshot = sandbox.request(.GET, "/_sandbox/state")
        #expect(snapshot.json["tables"]?["vpsorg_dns_records"]?.arrayValue?.count == 3)

        #expect(sandbox.request(.POST, "/_sandbox/reset").status == 200)
        #expect(sandbox.request(.GET, "/api/v1/domains/").json["count"] == 0)
        #expect(sandbox.request(.GET, "/api/v1/dns-zones/").json["count"] == 0)
        #expect(sandbox.request(.PUT, "/_sandbox/state", body: snapshot.body).status == 200)
        #expect(world(sandbox) == before)
        // The tenant's random sequence came back too: the next uuid is the one it would have been.
        let next = sandbox.createZone("example.org")
        #expect(sandbox.request(.PUT, "/_sandbox/state", body: snapshot.body).status == 200)
        #expect(sandbox.createZone("example.org") == next)
    }

    @Test func aSnapshotFromBeforeDomainsStillImports() throws {
        let sandbox = try TestSandbox()
        let server = sandbox.orderServer()
        var document = try #require(sandbox.request(.GET, "/_sandbox/state").json.objectValue)
        let migrations = document["migrations"]?.arrayValue ?? []
        document["migrations"] = .array(migrations.filter { !($0.stringValue?.hasPrefix("vpsorg.1") ?? false) })
        var tables = try #require(document["tables"]?.objectValue)
        for name in ["vpsorg_domains", "vpsorg_dns_zones", "vpsorg_dns_records"] { tables[name] = nil }
        document["tables"] = .object(tables)
        sandbox.registerDomain()

        let imported = sandbox.request(.PUT, "/_sandbox/state", json: .object(document))
        #expect(imported.status == 200, "\(imported.text)")
        #expect(sandbox.server(server).status == 200)
        #expect(sandbox.request(.GET, "/api/v1/domains/").json["count"] == 0)
        sandbox.registerDomain()
        sandbox.createZone()
    }

    @Test func theDashboardListsDomainsAndZones() throws {
        let sandbox = try TestSandbox()
        sandbox.registerDomain()
        sandbox.createZone()
        let tenant = sandbox.request(.GET, "/_sandbox/overview").json["tenants"]?.arrayValue?.first
        let items = tenant?["servers"]?.arrayValue ?? []
        #expect(items.map { $0["resourceType"] } == ["vpsorg_domain", "vpsorg_dns_zone"])
        #expect(items.map { $0["name"] } == ["example.com", "example.com"])
        #expect(items.first?["detail"] == "expires 2027-01-01 · ns1.vps.org, ns2.vps.org")
        #expect(items.last?["detail"] == "2 records")
    }
}
