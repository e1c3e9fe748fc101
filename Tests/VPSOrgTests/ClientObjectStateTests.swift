import SandboxTesting
import StructuredData
import Testing

/// The clients' objects (SSH keys, actions, backups) under the sandbox's own tools: snapshots,
/// reset and scenarios.
@Suite struct ClientObjectStateTests {
    @Test func aSnapshotKeepsKeysActionsAndBackupsAndResetClearsThem() throws {
        let sandbox = try TestSandbox()
        let key = sandbox.request(.POST, "/api/v1/ssh-keys/", json: ["name": "laptop", "public_key": .string(SSHKeyTests.laptop)])
        #expect(key.status == 201)
        let server = sandbox.activeClientServer()
        #expect(sandbox.act(server, "backup").status == 202)
        sandbox.advance(seconds: 10)
        let snapshot = sandbox.request(.GET, "/_sandbox/state")
        #expect(snapshot.json["tables"]?["vpsorg_ssh_keys"]?.arrayValue?.count == 1)
        #expect(snapshot.json["tables"]?["vpsorg_server_actions"]?.arrayValue?.count == 1)

        #expect(sandbox.request(.POST, "/_sandbox/reset").status == 200)
        #expect(sandbox.results("/api/v1/ssh-keys/").isEmpty)
        #expect(sandbox.request(.GET, "/api/v1/servers/\(server)/backups/").status == 404)

        #expect(sandbox.request(.PUT, "/_sandbox/state", body: snapshot.body).status == 200)
        #expect(sandbox.results("/api/v1/ssh-keys/").first?["fingerprint"] == key.json["fingerprint"])
        #expect(sandbox.results("/api/v1/servers/\(server)/backups/").first?["status"] == "creating")
        // The imported backup's job runs on.
        sandbox.advance(seconds: 300)
        #expect(sandbox.results("/api/v1/servers/\(server)/backups/").first?["status"] == "available")
        #expect(sandbox.results("/api/v1/servers/\(server)/actions/").first?["status"] == "completed")
    }

    @Test func aScenarioSeedsSSHKeysThroughTheAPIsOwnRules() throws {
        let sandbox = try TestSandbox()
        let document: JSONValue = [
            "version": 1,
            "tenants": [[
                "token": "agent", "vpsorgSshKeys": [["name": "laptop", "public_key": .string(SSHKeyTests.laptop)]],
            ]],
        ]
        let loaded = sandbox.request(.POST, "/_sandbox/scenarios", token: .some(nil), json: document)
        #expect(loaded.status == 200, "\(loaded.text)")
        let keys = sandbox.results("/api/v1/ssh-keys/", token: "agent")
        #expect(keys.map { $0["name"] } == ["laptop"])
        #expect(keys.first?["fingerprint"] == "SHA256:1YraWsmI1TeNVO4LO2stKc79xDAl/es3Nrx/zlrE7Jg")
        // Loading again keeps the key; a malformed one is refused naming its path.
        #expect(sandbox.request(.POST, "/_sandbox/scenarios", token: .some(nil), json: document).status == 200)
        #expect(sandbox.results("/api/v1/ssh-keys/", token: "agent").count == 1)
        let bad = sandbox.request(.POST, "/_sandbox/scenarios", token: .some(nil), json: [
            "version": 1, "tenants": [["token": "agent2", "vpsorgSshKeys": [["name": "x", "public_key": "ssh-rsa nope"]]]],
        ])
        #expect(bad.status == 400)
        #expect(bad.json["field"] == "tenants[0].vpsorgSshKeys[0].public_key")
    }
}
