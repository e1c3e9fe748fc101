import SandboxTesting
import StructuredData
import Testing

@Suite struct DNSTests {
    @Test func aNewZoneHasNSRecordsForVPSOrgsNameservers() throws {
        let sandbox = try TestSandbox()
        let created = sandbox.request(.POST, "/api/v1/dns-zones/", json: ["domain": "Example.com."])
        #expect(created.status == 201)
        let zone = try #require(created.json.objectValue)
        #expect(zone.keys == ["uuid", "domain", "record_count", "records", "created_at", "updated_at"])
        #expect(zone["domain"] == "example.com")
        #expect(zone["record_count"] == 2)
        let uuid = try #require(zone["uuid"]?.stringValue)
        let records = try #require(zone["records"]?.arrayValue)
        #expect(records.map { $0["record_type"] } == ["NS", "NS"])
        #expect(records.map { $0["value"] } == ["ns1.vps.org", "ns2.vps.org"])
        #expect(records.first?.objectValue?.keys == ["uuid", "zone", "record_type", "name", "value", "ttl", "priority", "created_at", "updated_at"])
        #expect(records.allSatisfy { $0["name"] == "@" && $0["ttl"] == 86_400 && $0["priority"] == .null && $0["zone"] == .string(uuid) })
        #expect(sandbox.request(.GET, "/api/v1/dns-zones/\(uuid)/").json == created.json)

        sandbox.createZone("example.org")
        let list = sandbox.request(.GET, "/api/v1/dns-zones/").json
        #expect(list["count"] == 2)
        #expect(list["results"]?.arrayValue?.first?.objectValue?.keys == ["uuid", "domain", "record_count", "created_at", "updated_at"])
        let filtered = sandbox.request(.GET, "/api/v1/dns-zones/?domain=EXAMPLE.com").json
        #expect(filtered["count"] == 1)
        #expect(filtered["results"]?.arrayValue?.first?["uuid"] == .string(uuid))
        #expect(sandbox.request(.GET, "/api/v1/dns-zones/?domain=example.net").json["count"] == 0)
    }

    @Test func zoneRefusalsNameTheField() throws {
        let sandbox = try TestSandbox()
        sandbox.createZone()
        let refusals: [(JSONValue, JSONValue)] = [
            (["domain": "example.com"], ["domain": ["dns zone with this domain already exists."]]),
            (["domain": "localhost"], ["domain": ["Enter a valid domain name, such as example.com."]]),
            (["domain": "   "], ["domain": ["This field may not be blank."]]),
            ([:], ["domain": ["This field is required."]]),
        ]
        for (body, expected) in refusals {
            let response = sandbox.request(.POST, "/api/v1/dns-zones/", json: body)
            #expect(response.status == 400, "\(body)")
            #expect(response.json == expected, "\(body)")
        }
        #expect(sandbox.request(.GET, "/api/v1/dns-zones/").json["count"] == 1)
    }

    @Test func everyRecordTypeTakesItsOwnKindOfValue() throws {
        let sandbox = try TestSandbox()
        let zone = sandbox.createZone()
        let records: [(JSONValue, name: String)] = [
            (["record_type": "A", "name": "@", "value": "203.0.113.10", "ttl": 300], "@"),
            (["record_type": "aaaa", "name": "www", "value": "2001:db8::10"], "www"),
            (["record_type": "CNAME", "name": "Blog.example.com.", "value": "example.com."], "blog"),
            (["record_type": "MX", "name": "@", "value": "mail.example.com", "priority": 10], "@"),
            (["record_type": "TXT", "name": "@", "value": "v=spf1 include:_spf.example.net ~all"], "@"),
            (["record_type": "SRV", "name": "_sip._tcp", "value": "5 5060 sip.example.com", "priority": 20], "_sip._tcp"),
            (["record_type": "CAA", "name": "@", "value": "0 issue \"letsencrypt.org\""], "@"),
            (["record_type": "NS", "name": "dev", "value": "ns1.example.net"], "dev"),
            (["record_type": "A", "name": "*.preview", "value": "203.0.113.11"], "*.preview"),
        ]
        for (body, name) in records {
            let response = sandbox.request(.POST, "/api/v1/dns-zones/\(zone)/records/", json: body)
            #expect(response.status == 201, "\(body): \(response.text)")
            #expect(response.json["name"] == .string(name))
            #expect(response.json["record_type"] == .string(body["record_type"]?.stringValue?.uppercased() ?? ""))
            #expect(response.json["ttl"] == (body["ttl"] ?? 3600))
            #expect(response.json["priority"] == (body["priority"] ?? .null))
        }
        let detail = sandbox.request(.GET, "/api/v1/dns-zones/\(zone)/").json
        #expect(detail["record_count"] == 11)
        #expect(detail["records"]?.arrayValue?.count == 11)
    }

    @Test func refusedRecordsNameEveryBadFieldAndChangeNothing() throws {
        let sandbox = try TestSandbox()
        let zone = sandbox.createZone()
        let records = "/api/v1/dns-zones/\(zone)/records/"
        #expect(sandbox.request(.POST, records, json: ["record_type": "CNAME", "name": "www", "value": "example.com"]).status == 201)
        #expect(sandbox.request(.POST, records, json: ["record_type": "A", "name": "@", "value": "203.0.113.10"]).status == 201)
        let before = sandbox.request(.GET, "/api/v1/dns-zones/\(zone)/").json

        let refusals: [(JSONValue, JSONValue)] = [
            (["record_type": "A", "name": "api", "value": "2001:db8::1"], ["value": ["Enter a valid IPv4 address."]]),
            (["record_type": "AAAA", "name": "api", "value": "203.0.113.1"], ["value": ["Enter a valid IPv6 address."]]),
            (["record_type": "CNAME", "name": "api", "value": "not a host"], ["value": ["Enter a fully qualified host name, such as host.example.com."]]),
            (["record_type": "MX", "name": "@", "value": "mail.example.com"], ["priority": ["This field is required for MX records."]]),
            (["record_type": "SRV", "name": "_sip._tcp", "value": "sip.example.com", "priority": 1], [
                "value": ["Enter weight, port and target, such as 5 5060 sip.example.com."],
            ]),
            (["record_type": "CAA", "name": "@", "value": "0 sign letsencrypt.org"], [
                "value": ["Enter flags, tag (issue, issuewild or iodef) and value, such as 0 issue \"letsencrypt.org\"."],
            ]),
            (["record_type": "A", "name": "api", "value": "203.0.113.1", "priority": 5], ["priority": ["Only MX and SRV records take a priority."]]),
            (["record_type": "BOGUS", "name": "api", "value": "x"], ["record_type": ["\"BOGUS\" is not a valid choice."]]),
            (["record_type": "A", "name": "bad name", "value": "nope", "ttl": 10], [
                "ttl": ["ttl must be an integer between 60 and 604800 (seconds)"],
            ]),
            (["record_type": "A", "name": "bad name", "value": "nope"], [
                "name": ["Enter @ for the zone apex, a name relative to the zone (such as www or _sip._tcp) or a name ending in .example.com."],
                "value": ["Enter a valid IPv4 address."],
            ]),
            (["record_type": "A", "name": "www.example.org.", "value": "203.0.113.1"], [
                "name": ["Enter @ for the zone apex, a name relative to the zone (such as www or _sip._tcp) or a name ending in .example.com."],
            ]),
            (["record_type": "TXT", "name": "@", "value": .string(String(repeating: "x", count: 2049))], [
                "value": ["value must be a string of 1 to 2048 characters"],
            ]),
            ([:], ["record_type": ["This field is required."], "name": ["This field is required."], "value": ["This field is required."]]),
            (["record_type": "A", "name": "@", "value": "203.0.113.10"], [
                "non_field_errors": ["The fields zone, record_type, name, value must make a unique set."],
            ]),
            (["record_type": "CNAME", "name": "@", "value": "other.example.net"], [
                "name": ["A CNAME record cannot be at the zone apex (@): other records must live there."],
            ]),
            (["record_type": "A", "name": "www", "value": "203.0.113.12"], [
                "name": ["www has a CNAME record, which must be the only record of its name."],
            ]),
            (["record_type": "CNAME", "name": "www", "value": "other.example.net"], [
                "name": ["www already has other records; a CNAME record must be the only record of its name."],
            ]),
        ]
        for (body, expected) in refusals {
            let response = sandbox.request(.POST, records, json: body)
            #expect(response.status == 400, "\(body)")
            #expect(response.json == expected, "\(body)")
        }
        #expect(sandbox.request(.GET, "/api/v1/dns-zones/\(zone)/").json == before)
        // An unknown zone is 404 before its body is judged.
        #expect(sandbox.request(.POST, "/api/v1/dns-zones/unknown/records/", json: [:]).json == ["detail": "Not found."])
    }

    @Test func aChangeIsMergedAndCheckedAsAWhole() throws {
        let sandbox = try TestSandbox()
        let zone = sandbox.createZone()
        let created = sandbox.request(
            .POST, "/api/v1/dns-zones/\(zone)/records/", json: ["record_type": "MX", "name": "@", "value": "mail.example.com", "priority": 10])
        let record = try #require(created.json["uuid"]?.stringValue)
        let path = "/api/v1/dns-records/\(record)/"
        sandbox.advance(seconds: 60)

        let ttl = sandbox.request(.PATCH, path, json: ["ttl": 600])
        #expect(ttl.status == 200)
        #expect(ttl.json["ttl"] == 600)
        #expect(ttl.json["value"] == "mail.example.com")
        #expect(ttl.json["priority"] == 10)
        #expect(ttl.json["updated_at"] == "2026-01-01T00:01:00Z")
        #expect(sandbox.request(.GET, "/api/v1/dns-zones/\(zone)/").json["updated_at"] == "2026-01-01T00:01:00Z")

        // The stored value does not fit the new type: the value is named though it was not sent.
        let refusals: [(JSONValue, JSONValue)] = [
            (["record_type": "A"], ["value": ["Enter a valid IPv4 address."]]),
            (["name": nil], ["name": ["This field may not be null."]]),
            (["ttl": "soon"], ["ttl": ["A valid integer is required."]]),
            (["record_type": "TXT", "priority": 5], ["priority": ["Only MX and SRV records take a priority."]]),
        ]
        for (body, expected) in refusals {
            let response = sandbox.request(.PATCH, path, json: body)
            #expect(response.status == 400, "\(body)")
            #expect(response.json == expected, "\(body)")
        }
        #expect(sandbox.request(.GET, "/api/v1/dns-zones/\(zone)/").json["records"]?.arrayValue?.last == ttl.json)

        // A type without a priority drops it.
        let retyped = sandbox.request(.PATCH, path, json: ["record_type": "A", "value": "203.0.113.5"])
        #expect(retyped.status == 200)
        #expect(retyped.json["record_type"] == "A")
        #expect(retyped.json["priority"] == .null)
        #expect(retyped.json["ttl"] == 600)
        let unknown = sandbox.request(.PATCH, "/api/v1/dns-records/unknown/", json: ["ttl": "soon"])
        #expect(unknown.status == 404)
        #expect(unknown.json == ["detail": "Not found."])
    }

    @Test func deletingARecordOrAZone() throws {
        let sandbox = try TestSandbox()
        let zone = sandbox.createZone()
        let record = sandbox.addRecord(to: zone)
        let deleted = sandbox.request(.DELETE, "/api/v1/dns-records/\(record)/")
        #expect(deleted.status == 204)
        #expect(deleted.body.isEmpty)
        #expect(sandbox.request(.DELETE, "/api/v1/dns-records/\(record)/").status == 404)
        #expect(sandbox.request(.GET, "/api/v1/dns-zones/\(zone)/").json["record_count"] == 2)

        let kept = sandbox.addRecord(to: zone)
        #expect(sandbox.request(.DELETE, "/api/v1/dns-zones/\(zone)/").status == 204)
        #expect(sandbox.request(.GET, "/api/v1/dns-zones/\(zone)/").status == 404)
        #expect(sandbox.request(.PATCH, "/api/v1/dns-records/\(kept)/", json: ["ttl": 600]).status == 404)
        #expect(sandbox.request(.GET, "/api/v1/dns-zones/").json["count"] == 0)
        // The domain is free for a new zone.
        sandbox.createZone()
    }

    @Test func anotherTenantSeesNothingAndTouchesNothing() throws {
        let sandbox = try TestSandbox()
        let zone = sandbox.createZone()
        let record = sandbox.addRecord(to: zone)
        let before = sandbox.request(.GET, "/api/v1/dns-zones/\(zone)/").json
        let other = "other-tenant"
        #expect(sandbox.request(.GET, "/api/v1/dns-zones/", token: .some(other)).json["count"] == 0)
        let attempts = [
            sandbox.request(.GET, "/api/v1/dns-zones/\(zone)/", token: .some(other)),
            sandbox.request(.POST, "/api/v1/dns-zones/\(zone)/records/", token: .some(other), json: ["record_type": "A", "name": "x", "value": "203.0.113.2"]),
            sandbox.request(.PATCH, "/api/v1/dns-records/\(record)/", token: .some(other), json: ["ttl": 600]),
            sandbox.request(.DELETE, "/api/v1/dns-records/\(record)/", token: .some(other)),
            sandbox.request(.DELETE, "/api/v1/dns-zones/\(zone)/", token: .some(other)),
        ]
        for response in attempts {
            #expect(response.status == 404)
            #expect(response.json == ["detail": "Not found."])
        }
        #expect(sandbox.request(.GET, "/api/v1/dns-zones/\(zone)/").json == before)
        // The same domain is the other tenant's to host.
        sandbox.createZone(token: other)
    }
}
