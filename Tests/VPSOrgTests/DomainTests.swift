import SandboxTesting
import StructuredData
import Testing

@Suite struct DomainTests {
    @Test func registrationChargesTheBalanceAndShowsWhatTheClientsRead() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.POST, "/api/v1/domains/", json: ["domain_name": "example.com", "years": 1])
        #expect(response.status == 201)
        let body = try #require(response.json.objectValue)
        #expect(body.keys == [
            "uuid", "domain_name", "status", "registrar", "expiration_date", "days_until_expiration", "auto_renew",
            "nameserver1", "nameserver2", "nameserver3", "nameserver4", "whois_privacy", "transfer_lock", "created_at",
            "updated_at",
        ])
        let uuid = try #require(body["uuid"]?.stringValue)
        #expect(uuid.count == 36 && uuid == uuid.lowercased())
        #expect(body["domain_name"] == "example.com")
        #expect(body["status"] == "active")
        #expect(body["registrar"] == "VPS.org Domains")
        #expect(body["expiration_date"] == "2027-01-01")
        #expect(body["days_until_expiration"] == 365)
        #expect(body["auto_renew"] == false)
        #expect(body["nameserver1"] == "ns1.vps.org")
        #expect(body["nameserver2"] == "ns2.vps.org")
        #expect(body["nameserver3"] == .null)
        #expect(body["nameserver4"] == .null)
        #expect(body["whois_privacy"] == true)
        #expect(body["transfer_lock"] == true)
        #expect(body["created_at"] == "2026-01-01T00:00:00Z")
        #expect(sandbox.balanceCents() == 1_000_000 - 1199)

        #expect(sandbox.request(.GET, "/api/v1/domains/\(uuid)/").json == response.json)
        #expect(sandbox.request(.GET, "/api/v1/domains/\(uuid.uppercased())").status == 200)
        let list = sandbox.request(.GET, "/api/v1/domains/").json
        #expect(list["count"] == 1)
        #expect(list["next"] == .null)
        #expect(list["results"]?.arrayValue?.first == response.json)

        // Several years cost several times the yearly price.
        let longer = sandbox.request(.POST, "/api/v1/domains/", json: ["domain_name": "example.org", "years": 3])
        #expect(longer.json["expiration_date"] == "2029-01-01")
        #expect(sandbox.balanceCents() == 1_000_000 - 1199 - 3 * 1249)
    }

    @Test func uuidsFollowTheSeed() throws {
        func run() throws -> [String] {
            let sandbox = try TestSandbox()
            let domain = sandbox.registerDomain(token: "same-token")
            return [domain, sandbox.createZone(token: "same-token")]
        }
        let first = try run()
        #expect(first == (try run()))
        #expect(first[0] != first[1])
    }

    @Test func namesAreReadLenientlyAndEveryRefusalChangesNothing() throws {
        let sandbox = try TestSandbox()
        let created = sandbox.request(.POST, "/api/v1/domains/", json: ["domain_name": " Example.COM. "])
        #expect(created.status == 201)
        #expect(created.json["domain_name"] == "example.com")
        #expect(created.json["expiration_date"] == "2027-01-01")
        let balance = sandbox.balanceCents()

        let refusals: [(JSONValue, JSONValue)] = [
            (["domain_name": "example.com"], ["domain_name": ["domain with this domain name already exists."]]),
            (["domain_name": "EXAMPLE.com"], ["domain_name": ["domain with this domain name already exists."]]),
            (["domain_name": "not a domain"], ["domain_name": ["Enter a valid domain name, such as example.com."]]),
            (["domain_name": "example.xyz"], [
                "domain_name": ["The TLD .xyz is not offered; the TLDs offered are .com, .net, .org, .io, .dev, .app, .de, .eu, .co.uk, .luxury."],
            ]),
            (["domain_name": "www.example.net"], [
                "domain_name": ["Enter the domain itself, one label before .net (such as example.net), not a subdomain."],
            ]),
            ([:], ["domain_name": ["This field is required."]]),
            (["domain_name": "", "years": 0], ["domain_name": ["This field may not be blank."], "years": ["years must be an integer between 1 and 10"]]),
            (["domain_name": "fresh.com", "years": 11], ["years": ["years must be an integer between 1 and 10"]]),
            // DRF's IntegerField refuses a boolean, where the reseller API's PHP clients send true for 1.
            (["domain_name": "fresh.com", "years": true], ["years": ["A valid integer is required."]]),
            (["domain_name": "fresh.com", "years": "two"], ["years": ["A valid integer is required."]]),
        ]
        for (body, expected) in refusals {
            let response = sandbox.request(.POST, "/api/v1/domains/", json: body)
            #expect(response.status == 400, "\(body)")
            #expect(response.json == expected, "\(body)")
        }
        #expect(sandbox.request(.POST, "/api/v1/domains/", body: Array("{".utf8), headers: [("Content-Type", "application/json")]).status == 400)
        #expect(sandbox.balanceCents() == balance)
        #expect(sandbox.request(.GET, "/api/v1/domains/").json["count"] == 1)
    }

    @Test func aRegistrationOverTheBalanceIs402AndChangesNothing() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.POST, "/_sandbox/tenants", json: ["token": "poor-domains", "balance": 1000])
        let refused = sandbox.request(.POST, "/api/v1/domains/", token: "poor-domains", json: ["domain_name": "shop.luxury", "years": 2])
        #expect(refused.status == 402)
        #expect(refused.json == ["detail": "Insufficient balance."])
        #expect(sandbox.balanceCents(token: "poor-domains") == 100_000)
        #expect(sandbox.request(.GET, "/api/v1/domains/", token: "poor-domains").json["count"] == 0)
        // One year fits.
        #expect(sandbox.request(.POST, "/api/v1/domains/", token: "poor-domains", json: ["domain_name": "shop.luxury"]).status == 201)
        #expect(sandbox.balanceCents(token: "poor-domains") == 25_100)
    }

    @Test func searchTellsAvailabilityAndPrice() throws {
        let sandbox = try TestSandbox()
        let free = sandbox.request(.POST, "/api/v1/domains/search/", json: ["domain": "Example.com"])
        #expect(free.status == 200)
        #expect(free.json == [
            "domain": "example.com", "available": true, "tld": "com", "price": "11.99", "renewal_price": "13.99", "currency": "EUR",
        ])
        sandbox.registerDomain()
        #expect(sandbox.request(.POST, "/api/v1/domains/search/", json: ["domain": "example.com"]).json["available"] == false)
        // Another tenant's registrations are not this tenant's concern.
        #expect(sandbox.request(.POST, "/api/v1/domains/search/", token: "someone-else", json: ["domain": "example.com"]).json["available"] == true)
        let british = sandbox.request(.POST, "/api/v1/domains/search/", json: ["domain": "shop.co.uk"]).json
        #expect(british["tld"] == "co.uk")
        #expect(british["price"] == "8.49")

        let bad = sandbox.request(.POST, "/api/v1/domains/search/", json: ["domain": "bad..name"])
        #expect(bad.status == 400)
        #expect(bad.json == ["domain": ["Enter a valid domain name, such as example.com."]])
        #expect(sandbox.request(.POST, "/api/v1/domains/search/", json: ["domain": "example.invalid"]).json["domain"] != nil)
        #expect(sandbox.request(.POST, "/api/v1/domains/search/", json: [:]).json == ["domain": ["This field is required."]])
    }

    @Test func nameserversAreTwoToFourHostNames() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.registerDomain()
        let path = "/api/v1/domains/\(uuid)/update_nameservers/"
        sandbox.advance(seconds: 60)
        let updated = sandbox.request(.POST, path, json: ["nameservers": ["NS1.example.net", "ns2.example.net", "ns3.example.net."]])
        #expect(updated.status == 200)
        #expect(updated.json["nameserver1"] == "ns1.example.net")
        #expect(updated.json["nameserver2"] == "ns2.example.net")
        #expect(updated.json["nameserver3"] == "ns3.example.net")
        #expect(updated.json["nameserver4"] == .null)
        #expect(updated.json["updated_at"] == "2026-01-01T00:01:00Z")

        let refusals: [(JSONValue, String)] = [
            (["nameservers": ["ns1.example.net"]], "Give 2 to 4 nameservers, not 1."),
            (["nameservers": ["a.example.net", "b.example.net", "c.example.net", "d.example.net", "e.example.net"]], "Give 2 to 4 nameservers, not 5."),
            (["nameservers": ["ns1.example.net", "not a host"]], "Item 2 is not a fully qualified host name, such as ns1.example.com."),
            (["nameservers": ["ns1.example.net", "NS1.example.net"]], "Item 2 repeats ns1.example.net; each nameserver once."),
            (["nameservers": ["bad host", "ns1.example.net", 7, "ns1.example.net"]], "Item 1 is not a fully qualified host name, such as ns1.example.com. Item 3 is not a fully qualified host name, such as ns1.example.com. Item 4 repeats ns1.example.net; each nameserver once."),
            (["nameservers": "ns1.example.net"], "Expected a list of 2 to 4 nameserver host names."),
            ([:], "This field is required."),
        ]
        for (body, message) in refusals {
            let response = sandbox.request(.POST, path, json: body)
            #expect(response.status == 400, "\(body)")
            #expect(response.json == ["nameservers": [.string(message)]], "\(body)")
        }
        #expect(sandbox.request(.GET, "/api/v1/domains/\(uuid)/").json == updated.json)
        // An unknown domain is 404 before its body is judged.
        let unknown = sandbox.request(.POST, "/api/v1/domains/00000000-0000-4000-8000-000000000000/update_nameservers/", json: [:])
        #expect(unknown.status == 404)
        #expect(unknown.json == ["detail": "Not found."])
    }

    @Test func expirationRunsOnTheTenantsClockAndRenewalMovesIt() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.registerDomain()
        sandbox.advance(seconds: 100 * 86_400)
        #expect(sandbox.request(.GET, "/api/v1/domains/\(uuid)/").json["days_until_expiration"] == 265)
        sandbox.advance(seconds: 265 * 86_400 + 1)
        let expired = sandbox.request(.GET, "/api/v1/domains/\(uuid)/").json
        #expect(expired["status"] == "expired")
        #expect(expired["days_until_expiration"] == -1)
        let balance = try #require(sandbox.balanceCents())

        // Renewed from the date it expired, as registries count.
        let renewed = sandbox.request(.POST, "/api/v1/domains/\(uuid)/renew/", json: ["years": 2])
        #expect(renewed.status == 200)
        #expect(renewed.json["expiration_date"] == "2029-01-01")
        #expect(renewed.json["status"] == "active")
        #expect(renewed.json["days_until_expiration"] == 730)
        #expect(sandbox.balanceCents() == balance - 2 * 1399)

        // At most ten years ahead of today (today is 2027-01-01T00:00:01: 2037-01-01 is within ten years, 2038 is not).
        let tooFar = sandbox.request(.POST, "/api/v1/domains/\(uuid)/renew/", json: ["years": 9])
        #expect(tooFar.status == 400)
        #expect(tooFar.json == ["years": ["A registration can run at most 10 years ahead; this domain can be renewed for at most 8 year(s)."]])
        #expect(sandbox.request(.POST, "/api/v1/domains/\(uuid)/renew/", json: ["years": 0]).json == ["years": ["years must be an integer between 1 and 10"]])
        #expect(sandbox.balanceCents() == balance - 2 * 1399)
        #expect(sandbox.request(.GET, "/api/v1/domains/\(uuid)/").json["expiration_date"] == "2029-01-01")
        // No body renews for one year.
        #expect(sandbox.request(.POST, "/api/v1/domains/\(uuid)/renew/").json["expiration_date"] == "2030-01-01")
        #expect(sandbox.request(.POST, "/api/v1/domains/not-a-uuid/renew/", json: ["years": 1]).status == 404)
    }

    @Test func expiryIsAnEventAtItsTimeAndRenewalPostponesIt() throws {
        let sandbox = try TestSandbox()
        let early = sandbox.registerDomain("early.com")
        let renewed = sandbox.registerDomain("renewed.com")
        #expect(sandbox.request(.POST, "/api/v1/domains/\(renewed)/renew/", json: ["years": 1]).status == 200)
        sandbox.advance(seconds: 365 * 86_400 + 60)
        func domainEvents() -> [JSONValue] {
            (sandbox.request(.GET, "/_sandbox/events").json["events"]?.arrayValue ?? []).filter { $0["resourceType"] == "vpsorg_domain" }
        }
        let expired = domainEvents().filter { $0["to"] == "expired" }
        #expect(expired.count == 1)
        #expect(expired.first?["from"] == "active")
        #expect(expired.first?["at"] == "2027-01-01T00:00:00Z")
        #expect(sandbox.request(.GET, "/api/v1/domains/\(early)/").json["status"] == "expired")
        #expect(sandbox.request(.GET, "/api/v1/domains/\(renewed)/").json["status"] == "active")

        #expect(sandbox.request(.POST, "/api/v1/domains/\(early)/renew/", json: ["years": 1]).status == 200)
        #expect(domainEvents().last?["to"] == "active")
        #expect(domainEvents().last?["from"] == "expired")
    }

    @Test func anotherTenantSeesNothingAndTouchesNothing() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.registerDomain()
        let other = "other-tenant"
        #expect(sandbox.request(.GET, "/api/v1/domains/", token: .some(other)).json["count"] == 0)
        let attempts = [
            sandbox.request(.GET, "/api/v1/domains/\(uuid)/", token: .some(other)),
            sandbox.request(.POST, "/api/v1/domains/\(uuid)/renew/", token: .some(other), json: ["years": 1]),
            sandbox.request(.POST, "/api/v1/domains/\(uuid)/update_nameservers/", token: .some(other), json: ["nameservers": ["a.example.net", "b.example.net"]]),
        ]
        for response in attempts {
            #expect(response.status == 404)
            #expect(response.json == ["detail": "Not found."])
        }
        // The same name is the other tenant's to register.
        #expect(sandbox.registerDomain(token: other) != uuid)
        let mine = sandbox.request(.GET, "/api/v1/domains/\(uuid)/").json
        #expect(mine["expiration_date"] == "2027-01-01")
        #expect(mine["nameserver1"] == "ns1.vps.org")
    }

    @Test func listsPageLikeTheServerList() throws {
        let sandbox = try TestSandbox()
        for name in ["a.com", "b.com", "c.com"] { sandbox.registerDomain(name) }
        let first = sandbox.request(.GET, "/api/v1/domains/?page_size=2", headers: [("Host", "sandbox.test")]).json
        #expect(first["count"] == 3)
        #expect(first["next"] == "http://sandbox.test/api/v1/domains/?page=2&page_size=2")
        #expect(first["previous"] == .null)
        #expect(first["results"]?.arrayValue?.compactMap { $0["domain_name"]?.stringValue } == ["a.com", "b.com"])
        let second = sandbox.request(.GET, "/api/v1/domains/?page=2&page_size=2").json
        #expect(second["results"]?.arrayValue?.compactMap { $0["domain_name"]?.stringValue } == ["c.com"])
        #expect(second["next"] == .null)
        let past = sandbox.request(.GET, "/api/v1/domains/?page=3&page_size=2")
        #expect(past.status == 404)
        #expect(past.json == ["detail": "Invalid page."])
    }

    @Test func refusalsOutsideTheRoutesAreDRFs() throws {
        let sandbox = try TestSandbox()
        for path in ["/api/v1/domains/a/b/c", "/api/v1/dns-zones/x/records/y/z", "/api/v1/dns-records/"] {
            let response = sandbox.request(.GET, path)
            #expect(response.status == 404, "\(path)")
            #expect(response.json == ["detail": "Not found."], "\(path)")
        }
        let unauthenticated = sandbox.request(.GET, "/api/v1/domains/", token: .some(nil))
        #expect(unauthenticated.status == 401)
        #expect(unauthenticated.json == ["detail": "Authentication credentials were not provided."])
        let wrongMethod = sandbox.request(.PUT, "/api/v1/domains/")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.json == ["detail": "Method \"PUT\" not allowed."])
        // The reseller API keeps the rest of /api/v1.
        #expect(sandbox.request(.GET, "/api/v1/domainsx").json["detail"] == nil)
    }

    @Test func aRegistrationPastTheClocksLastDayIsRefusedAndCostsNothing() throws {
        let sandbox = try TestSandbox()
        #expect(sandbox.request(.PUT, "/_sandbox/clock", json: ["now": "9999-06-01T00:00:00Z"]).status == 200)
        let balance = sandbox.balanceCents()
        let refused = sandbox.request(.POST, "/api/v1/domains/", json: ["domain_name": "late.com", "years": 1])
        #expect(refused.status == 400)
        #expect(refused.json == ["years": ["The registration would run past 9999-12-31, the sandbox clock's last day."]])
        #expect(sandbox.balanceCents() == balance)
        #expect(sandbox.request(.GET, "/api/v1/domains/").json["count"] == 0)
    }
}
