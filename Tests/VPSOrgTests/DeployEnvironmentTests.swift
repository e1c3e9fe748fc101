import SandboxTesting
import StructuredData
import Testing

@Suite struct DeployEnvironmentTests {
    @Test func variablesAreSetListedMaskedAndRemoved() throws {
        let sandbox = try TestSandbox()
        let config = sandbox.deployConfig(server: sandbox.activeServer())
        let path = "/api/v1/deploy-configs/\(config)/env/"
        #expect(sandbox.request(.GET, path).json == ["env": [:]])

        let set = sandbox.request(.POST, path, json: ["vars": ["DATABASE_URL": "postgres://app:pw@localhost/app", "DEBUG": 0]])
        #expect(set.status == 200)
        #expect(set.json == ["message": "2 environment variable(s) set: DATABASE_URL, DEBUG."])
        #expect(sandbox.request(.GET, path).json == ["env": ["DATABASE_URL": "pos********", "DEBUG": "********"]])

        sandbox.request(.POST, path, json: ["vars": ["DEBUG": "1", "_TOKEN2": "x"]])
        #expect(sandbox.request(.GET, path).json["env"]?.objectValue?.keys == ["DATABASE_URL", "DEBUG", "_TOKEN2"])

        let removed = sandbox.request(.DELETE, path + "DEBUG/")
        #expect(removed.status == 200)
        #expect(removed.json == ["message": "Variable \"DEBUG\" removed."])
        let again = sandbox.request(.DELETE, path + "DEBUG")
        #expect(again.status == 404)
        #expect(again.json == ["detail": "Environment variable \"DEBUG\" not found."])
        #expect(sandbox.request(.GET, path).json["env"]?.objectValue?.keys == ["DATABASE_URL", "_TOKEN2"])

        // The next deployment writes them to the app's .env.
        let uuid = sandbox.deploy(config)
        sandbox.advance(seconds: 300)
        let release = sandbox.deployment(uuid)["logs"]?.arrayValue?.first { $0["step"] == "release" }
        #expect(release?["output"]?.stringValue?.contains("Wrote 2 environment variable(s) to /var/www/blog/shared/.env") == true)
    }

    @Test func badNamesAndValuesAreRefusedAndNothingIsSet() throws {
        let sandbox = try TestSandbox()
        let config = sandbox.deployConfig(server: sandbox.activeServer())
        let path = "/api/v1/deploy-configs/\(config)/env/"
        let refused = sandbox.request(.POST, path, json: ["vars": ["GOOD": "1", "1BAD": "x", "A-B": "y", "FLAG": true]])
        #expect(refused.status == 400)
        let message = refused.json["vars"]?.firstMessage ?? ""
        #expect(message.contains("\"1BAD\" is not a valid variable name"))
        #expect(message.contains("\"A-B\" is not a valid variable name"))
        #expect(message.contains("FLAG: Not a valid string."))
        #expect(sandbox.request(.POST, path, json: ["vars": "A=1"]).json == ["vars": ["Expected a dictionary of items but got type \"str\"."]])
        #expect(sandbox.request(.POST, path, json: [:]).json == ["vars": ["This field is required."]])
        #expect(sandbox.request(.GET, path).json == ["env": [:]])
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/nope/env/").status == 404)
        #expect(sandbox.request(.DELETE, "/api/v1/deploy-configs/\(config)/env/X/", token: .some("intruder-\(sandbox.token)")).status == 404)
    }

    @Test func theJournalKeepsNamesButNoValues() throws {
        let sandbox = try TestSandbox()
        let config = sandbox.deployConfig(server: sandbox.activeServer())
        sandbox.request(.POST, "/api/v1/deploy-configs/\(config)/env/", json: ["vars": ["API_KEY": "envsecret1", "PLAIN": "envsecret2"]])
        let journal = sandbox.request(.GET, "/_sandbox/requests?all=true")
        #expect(!journal.text.contains("envsecret1"))
        #expect(!journal.text.contains("envsecret2"))
        let entry = journal.json["requests"]?.arrayValue?.first { $0["path"]?.stringValue?.hasSuffix("/env/") == true }
        #expect(entry?["requestBody"] == ["vars": ["API_KEY": "…", "PLAIN": "…"]])
    }
}
