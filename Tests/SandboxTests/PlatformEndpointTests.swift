import SandboxTesting
import StructuredData
import Testing

@Suite struct PlatformEndpointTests {
    @Test func templatesAndLocationsComeFromSeedData() throws {
        let sandbox = try TestSandbox()
        let templates = sandbox.request(.GET, "/api/v1/datacenter/templates")
        #expect(templates.status == 200)
        #expect(templates.result.arrayValue?.contains(.string("Debian10.0")) == true)
        let locations = sandbox.request(.GET, "/api/v1/datacenter/location/")
        #expect(locations.status == 200)
        #expect(locations.result.arrayValue?.first?["id"] == .int(1))
    }

    @Test func unknownJobIsNotFoundInTheResellerEnvelope() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.GET, "/api/v1/job/999999")
        #expect(response.status == 404)
        #expect(response.json["error"]?.stringValue != nil)
    }

    @Test func missingTokenIsUnauthenticated() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.GET, "/api/v1/datacenter/templates", token: .some(nil))
        #expect(response.status == 401)
        #expect(response.json == ["error": "Unauthenticated."])
    }

    @Test func authorizationSchemeIsCaseInsensitiveAndMalformedHeadersAreRefused() throws {
        let sandbox = try TestSandbox()
        let created = sandbox.request(
            .POST, "/_sandbox/clock/advance", json: ["seconds": 60], headers: [("Authorization", "Bearer spaced-token")])
        #expect(created.status == 200)
        let sameTenant = sandbox.request(.GET, "/_sandbox/clock", headers: [("Authorization", "  bearer   spaced-token  ")])
        #expect(sameTenant.json["now"] == created.json["now"])
        for value in ["Basic dXNlcjpwYXNz", "Bearer", "Bearer   ", "Bearerspaced-token", ""] {
            let refused = sandbox.request(.GET, "/api/v1/datacenter/templates", headers: [("Authorization", value)])
            #expect(refused.status == 401, "Authorization: \(value)")
        }
    }

    @Test func unknownPathIs404AndWrongMethodIs405() throws {
        let sandbox = try TestSandbox()
        #expect(sandbox.request(.GET, "/api/v1/nothing/here").status == 404)
        let wrongMethod = sandbox.request(.DELETE, "/api/v1/datacenter/templates")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["Allow"] == "GET")
    }

    @Test func manualClockAdvances() throws {
        let sandbox = try TestSandbox()
        let before = sandbox.request(.GET, "/_sandbox/clock")
        #expect(before.json["mode"] == "manual")
        #expect(before.json["now"] == "2026-01-01T00:00:00Z")
        let after = sandbox.advance(seconds: 90)
        #expect(after.json["now"] == "2026-01-01T00:01:30Z")
    }
}
