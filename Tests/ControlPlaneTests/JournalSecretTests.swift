import SandboxTesting
import StructuredData
import Testing

/// Credentials and passwords never show in full in `GET /_sandbox/requests`, wherever the
/// client put them.
@Suite struct JournalSecretTests {
    func journal(_ sandbox: TestSandbox) throws -> (entries: [JSONValue], text: String) {
        let response = sandbox.request(.GET, "/_sandbox/requests?all=true")
        return (try #require(response.json["requests"]?.arrayValue), response.text)
    }

    @Test func tokensInTheQueryStringAreMasked() throws {
        let sandbox = try TestSandbox()
        sandbox.request(
            .GET, "/api/v1/datacenter/templates?Authorization=Bearer%20querysecret1&token=tokensecret2&API_KEY=keysecret3&page=2",
            token: nil)
        let (entries, text) = try journal(sandbox)
        for secret in ["querysecret1", "tokensecret2", "keysecret3"] { #expect(!text.contains(secret), "\(secret)") }
        #expect(entries[0]["query"] == "Authorization=Bearer quer…&token=toke…&API_KEY=keys…&page=2")
    }

    @Test func secretFieldsInFormBodiesAreMasked() throws {
        let sandbox = try TestSandbox()
        // As the PHP client sends it: the token as a form field, the password nested.
        sandbox.request(
            .POST, "/api/v1/datacenter/server",
            form: "Authorization=Bearer+formsecret1&server%5Broot_password%5D=hunter2hunter2&ClientSecret=s3cr3tvalue&name=web",
            headers: [("Authorization", "Bearer headersecret")])
        let (entries, text) = try journal(sandbox)
        for secret in ["formsecret1", "hunter2hunter2", "s3cr3tvalue", "headersecret"] { #expect(!text.contains(secret), "\(secret)") }
        #expect(entries[0]["requestBody"] == "Authorization=Bearer form…&server%5Broot_password%5D=…&ClientSecret=…&name=web")
        #expect(entries[0]["requestHeaders"]?["Authorization"] == "Bearer head…")
    }

    @Test func secretMembersOfJSONBodiesAreMaskedAtAnyDepth() throws {
        let sandbox = try TestSandbox()
        let body: JSONValue = [
            "name": "web", "rootPassword": "jsonsecret1",
            "access": ["API_TOKEN": "jsonsecret2", "keys": [["client_secret": "jsonsecret3", "id": 4]]],
            "x-authorization": 12345,
        ]
        sandbox.request(.POST, "/api/v1/datacenter/server", json: body)
        let (entries, text) = try journal(sandbox)
        for secret in ["jsonsecret1", "jsonsecret2", "jsonsecret3", "12345"] { #expect(!text.contains(secret), "\(secret)") }
        let logged = try #require(entries[0]["requestBody"])
        #expect(logged["name"] == "web")
        #expect(logged["rootPassword"] == "…")
        #expect(logged["access"]?["API_TOKEN"] == "json…")
        #expect(logged["access"]?["keys"]?.arrayValue?.first?["client_secret"] == "…")
        #expect(logged["access"]?["keys"]?.arrayValue?.first?["id"] == 4)
        #expect(logged["x-authorization"] == "…")
    }
}
