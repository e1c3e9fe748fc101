import HTTP1
import SandboxTesting
import StructuredData
import Testing

@Suite struct ServerListTests {
    @Test func anEmptyAccountListsNothing() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.GET, "/api/v1/servers/")
        #expect(response.status == 200)
        #expect(response.json == ["count": 0, "next": nil, "previous": nil, "results": []])
    }

    @Test func itemsHaveTheDocumentedShape() throws {
        let sandbox = try TestSandbox()
        sandbox.activeServer()
        let item = try #require(sandbox.request(.GET, "/api/v1/servers").json["results"]?.arrayValue?.first?.objectValue)
        #expect(item.keys == [
            "id", "name", "hostname", "status", "ip_address", "location", "plan", "os", "created_at", "updated_at",
            "uuid", "ipv4_addresses", "ipv6_addresses", "location_name", "plan_name", "os_name", "deployed", "username",
        ])
        #expect(item["password"] == nil)
        #expect(item["plan"]?.objectValue?.keys == ["id", "name", "vcpus", "memory", "storage"])
        #expect(item["status"] == "active")
    }

    @Test func filtersByStatusInEnglishOrGermanAndByLocation() throws {
        let sandbox = try TestSandbox()
        let west = sandbox.orderServer()
        let east = sandbox.orderServer(["name": "db-server-01", "plan_id": 2, "os_id": 3, "location": "us-east"])
        sandbox.advance(seconds: 300)
        #expect(sandbox.request(.POST, "/api/v1/servers/\(east)/stop/").status == 200)
        sandbox.advance(seconds: 30)

        func ids(_ query: String) -> [JSONValue] {
            sandbox.request(.GET, "/api/v1/servers/?\(query)").json["results"]?.arrayValue?.compactMap { $0["id"] } ?? []
        }
        #expect(ids("status=active") == [.int(west)])
        #expect(ids("status=aktiv") == [.int(west)])
        #expect(ids("status=stopped") == [.int(east)])
        #expect(ids("status=gestoppt") == [.int(east)])
        #expect(ids("status=suspended").isEmpty)
        #expect(ids("status=angehalten").isEmpty)
        #expect(ids("location=us-east") == [.int(east)])
        #expect(ids("location=us-west&status=stopped").isEmpty)
        #expect(ids("location=nowhere").isEmpty)
        #expect(ids("status=") == [.int(west), .int(east)])

        let invalid = sandbox.request(.GET, "/api/v1/servers/?status=exploded")
        #expect(invalid.status == 400)
        #expect(invalid.json == ["status": ["Select a valid choice. exploded is not one of the available choices."]])
    }

    @Test func pagesThroughTwentyFiveServersWithAbsoluteLinks() throws {
        let sandbox = try TestSandbox()
        for index in 1...25 {
            sandbox.orderServer(["name": .string("node-\(index)"), "plan_id": 3, "os_id": 1, "location": "eu-central"])
        }
        // Links are built from the Host header, which the test client sets to its server's address.
        let base = "http://127.0.0.1:\(sandbox.port)"
        let first = sandbox.request(.GET, "/api/v1/servers/?page_size=10").json
        #expect(first["count"] == 25)
        #expect(first["results"]?.arrayValue?.count == 10)
        #expect(first["previous"] == .null)
        #expect(first["next"]?.stringValue == "\(base)/api/v1/servers/?page=2&page_size=10")

        let second = sandbox.request(.GET, "/api/v1/servers/?page=2&page_size=10").json
        #expect(second["results"]?.arrayValue?.first?["name"] == "node-11")
        #expect(second["previous"]?.stringValue == "\(base)/api/v1/servers/?page_size=10")
        #expect(second["next"]?.stringValue == "\(base)/api/v1/servers/?page=3&page_size=10")

        let third = sandbox.request(.GET, "/api/v1/servers/?page_size=10&page=3").json
        #expect(third["results"]?.arrayValue?.count == 5)
        #expect(third["next"] == .null)
        #expect(third["previous"]?.stringValue == "\(base)/api/v1/servers/?page=2&page_size=10")

        let last = sandbox.request(.GET, "/api/v1/servers?page=last&page_size=10&location=eu-central").json
        #expect(last["results"]?.arrayValue?.last?["name"] == "node-25")
        #expect(last["previous"]?.stringValue == "\(base)/api/v1/servers?location=eu-central&page=2&page_size=10")
    }

    @Test func pageSizeDefaultsToTwentyAndIsCappedAtOneHundred() throws {
        let sandbox = try TestSandbox()
        for index in 1...25 {
            sandbox.orderServer(["name": .string("n\(index)"), "plan_id": 3, "os_id": 1, "location": "us-west"])
        }
        #expect(sandbox.request(.GET, "/api/v1/servers/").json["results"]?.arrayValue?.count == 20)
        #expect(sandbox.request(.GET, "/api/v1/servers/?page_size=abc").json["results"]?.arrayValue?.count == 20)
        #expect(sandbox.request(.GET, "/api/v1/servers/?page_size=0").json["results"]?.arrayValue?.count == 20)
        #expect(sandbox.request(.GET, "/api/v1/servers/?page_size=1000").json["results"]?.arrayValue?.count == 25)
        #expect(sandbox.request(.GET, "/api/v1/servers/").json["next"]?.stringValue == "http://127.0.0.1:\(sandbox.port)/api/v1/servers/?page=2")
    }

    @Test func linksFollowTheHostAndForwardedProtoHeaders() throws {
        let sandbox = try TestSandbox()
        for index in 1...3 {
            sandbox.orderServer(["name": .string("h\(index)"), "plan_id": 3, "os_id": 1, "location": "us-west"])
        }
        let request = HTTPRequest(method: .GET, target: "/api/v1/servers/?page_size=1&page=2", headers: [
            "Host": "api.example.test", "X-Forwarded-Proto": "https", "Authorization": "Bearer \(sandbox.token)",
        ])
        let page = sandbox.handleInProcess(request).json
        #expect(page["next"]?.stringValue == "https://api.example.test/api/v1/servers/?page=3&page_size=1")
        #expect(page["previous"]?.stringValue == "https://api.example.test/api/v1/servers/?page_size=1")
    }

    @Test func anInvalidPageIs404() throws {
        let sandbox = try TestSandbox()
        sandbox.orderServer()
        for page in ["0", "2", "-1", "abc"] {
            let response = sandbox.request(.GET, "/api/v1/servers/?page=\(page)")
            #expect(response.status == 404)
            #expect(response.json == ["detail": "Invalid page."])
        }
        #expect(sandbox.request(.GET, "/api/v1/servers/?page=1").status == 200)
    }

    @Test func withoutTokenIs401() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.GET, "/api/v1/servers/", token: .some(nil))
        #expect(response.status == 401)
        #expect(response.json == ["detail": "Authentication credentials were not provided."])
    }

    @Test func strictModeRefusesAnUnknownToken() throws {
        let sandbox = try TestSandbox(strictTokens: true)
        let unknown = sandbox.request(.GET, "/api/v1/servers/", token: "nobody-knows-me")
        #expect(unknown.status == 401)
        #expect(unknown.json == ["detail": "Invalid token."])
        #expect(sandbox.request(.GET, "/api/v1/servers/", token: "sandbox-demo-token").status == 200)
    }
}
