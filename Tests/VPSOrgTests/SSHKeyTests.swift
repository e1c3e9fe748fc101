import SandboxTesting
import StructuredData
import Testing

/// `/api/v1/ssh-keys/` as `vps_mcp` calls it, and servers created with keys.
@Suite struct SSHKeyTests {
    static let laptop = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGo0fbCEspUncwNEbEWR4VYjQBu//K5rePqzs2xYaXGc laptop"
    static let runner = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQCUCaQ1unoGOmYonoPA+F7si4wPnG2RN22RaouoDJiiCFKcAlDjtNYNhQSvbn4oxp2fvQRv4EnlDryV2MLbYiiy2wbNsJGZrCjHmAYkC+CLzY/GlYho9VFCKJOHLz5gBmPs6mQWgiSLOuphp0vOvrMF7PG16AZBNTeoopZPFHy20w== ci@runner"

    @Test func addListAndDeleteAKey() throws {
        let sandbox = try TestSandbox()
        let added = sandbox.request(.POST, "/api/v1/ssh-keys/", json: ["name": "laptop", "public_key": .string(Self.laptop)])
        #expect(added.status == 201)
        let key = try #require(added.json.objectValue)
        #expect(key.keys == ["uuid", "name", "fingerprint", "public_key", "created_at", "last_used_at"])
        #expect(key["fingerprint"] == "SHA256:1YraWsmI1TeNVO4LO2stKc79xDAl/es3Nrx/zlrE7Jg")
        #expect(key["last_used_at"] == .null)
        let uuid = try #require(key["uuid"]?.stringValue)
        #expect(sandbox.results("/api/v1/ssh-keys/").map { $0["uuid"] } == [.string(uuid)])
        #expect(sandbox.request(.GET, "/api/v1/ssh-keys/\(uuid)/").json["name"] == "laptop")
        #expect(sandbox.request(.DELETE, "/api/v1/ssh-keys/\(uuid)/").status == 204)
        #expect(sandbox.results("/api/v1/ssh-keys/").isEmpty)
        let again = sandbox.request(.DELETE, "/api/v1/ssh-keys/\(uuid)/")
        #expect(again.status == 404)
        #expect(again.json == ["detail": "Not found."])
    }

    @Test func malformedKeysAreRefusedNamingPublicKeyAndNothingIsAdded() throws {
        let sandbox = try TestSandbox()
        let cases: [(String, String)] = [
            ("not a key", "Unsupported key type 'not'"),
            ("ssh-ed25519", "Enter a public key as OpenSSH writes it"),
            ("ssh-ed25519 !!!notbase64", "The key data is not valid base64."),
            // The RSA blob under the Ed25519 name.
            ("ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAAAgQCUCaQ1unoGOmYonoPA+F7si4wPnG2RN22RaouoDJiiCFKcAlDjtNYNhQSvbn4oxp2fvQRv4EnlDryV2MLbYiiy2wbNsJGZrCjHmAYkC+CLzY/GlYho9VFCKJOHLz5gBmPs6mQWgiSLOuphp0vOvrMF7PG16AZBNTeoopZPFHy20w==",
             "not a well-formed ssh-ed25519 key"),
            // Cut short: the length prefix promises more than follows.
            ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGo0fbCEspUncwNE", "not a well-formed ssh-ed25519 key"),
        ]
        for (text, message) in cases {
            let response = sandbox.request(.POST, "/api/v1/ssh-keys/", json: ["name": "k", "public_key": .string(text)])
            #expect(response.status == 400, "\(text)")
            #expect(response.json["public_key"]?.firstMessage?.contains(message) == true, "\(text): \(response.text)")
        }
        let both = sandbox.request(.POST, "/api/v1/ssh-keys/", json: [:])
        #expect(both.json == ["name": ["This field is required."], "public_key": ["This field is required."]])
        #expect(sandbox.results("/api/v1/ssh-keys/").isEmpty)
    }

    @Test func theSameKeyTwiceIsRefused() throws {
        let sandbox = try TestSandbox()
        #expect(sandbox.request(.POST, "/api/v1/ssh-keys/", json: ["name": "a", "public_key": .string(Self.laptop)]).status == 201)
        let twice = sandbox.request(.POST, "/api/v1/ssh-keys/", json: ["name": "b", "public_key": .string(Self.laptop)])
        #expect(twice.json == ["public_key": ["An SSH key with this fingerprint already exists."]])
        // Another tenant may add it.
        #expect(sandbox.request(.POST, "/api/v1/ssh-keys/", token: "other", json: ["name": "a", "public_key": .string(Self.laptop)])
            .status == 201)
    }

    @Test func keysAreTheTenantsOwn() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.request(.POST, "/api/v1/ssh-keys/", json: ["name": "a", "public_key": .string(Self.laptop)])
            .json["uuid"]?.stringValue ?? ""
        #expect(sandbox.results("/api/v1/ssh-keys/", token: "other").isEmpty)
        #expect(sandbox.request(.GET, "/api/v1/ssh-keys/\(uuid)/", token: "other").status == 404)
        #expect(sandbox.request(.DELETE, "/api/v1/ssh-keys/\(uuid)/", token: "other").status == 404)
        var order = sandbox.clientOrder().objectValue!
        order["ssh_keys"] = [.string(uuid)]
        let refused = sandbox.request(.POST, "/api/v1/servers/", token: "other", json: .object(order))
        #expect(refused.json == ["ssh_keys": .array([.string("Invalid pk \"\(uuid)\" - object does not exist.")])])
        #expect(sandbox.results("/api/v1/ssh-keys/").count == 1)
    }

    @Test func aServerCreatedWithKeysRecordsThemAndKeepsThemWhenAKeyIsDeleted() throws {
        let sandbox = try TestSandbox()
        let laptop = sandbox.request(.POST, "/api/v1/ssh-keys/", json: ["name": "laptop", "public_key": .string(Self.laptop)]).json
        let runner = sandbox.request(.POST, "/api/v1/ssh-keys/", json: ["name": "ci", "public_key": .string(Self.runner)]).json
        var order = sandbox.clientOrder().objectValue!
        let laptopUUID = laptop["uuid"]?.stringValue ?? ""
        // A key named twice (in any case) is installed once.
        order["ssh_keys"] = [.string(laptopUUID), runner["uuid"] ?? .null, .string(laptopUUID.uppercased())]
        let created = sandbox.request(.POST, "/api/v1/servers/", json: .object(order))
        #expect(created.status == 201)
        let server = created.json["uuid"]?.stringValue ?? ""
        let installed = sandbox.detail(server)["ssh_keys"]?.arrayValue ?? []
        #expect(installed.map { $0["name"] } == ["laptop", "ci"])
        #expect(installed.first?["fingerprint"] == laptop["fingerprint"])
        #expect(sandbox.results("/api/v1/ssh-keys/").first?["last_used_at"] == "2026-01-01T00:00:00Z")
        sandbox.request(.DELETE, "/api/v1/ssh-keys/\(laptop["uuid"]?.stringValue ?? "")/")
        #expect(sandbox.detail(server)["ssh_keys"]?.arrayValue?.count == 2)
    }

    @Test func badKeyReferencesAreNamedWithTheOtherFields() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.POST, "/api/v1/servers/", json: [
            "hostname": "ok", "location": 77, "plan": .string(sandbox.planUUID(1)), "os_version": .string(sandbox.osVersionUUID(5)),
            "ssh_keys": ["00000000-0000-4000-8000-000000000001"],
        ])
        #expect(response.json == [
            "location": ["Invalid pk \"77\" - object does not exist."],
            "ssh_keys": ["Invalid pk \"00000000-0000-4000-8000-000000000001\" - object does not exist."],
        ])
        var order = sandbox.clientOrder().objectValue!
        order["ssh_keys"] = "abc"
        #expect(sandbox.request(.POST, "/api/v1/servers/", json: .object(order)).json == [
            "ssh_keys": ["Expected a list of items but got type \"str\"."],
        ])
        order["ssh_keys"] = ["abc"]
        #expect(sandbox.request(.POST, "/api/v1/servers/", json: .object(order)).json == ["ssh_keys": ["“abc” is not a valid UUID."]])
        #expect(sandbox.request(.GET, "/api/v1/servers/").json["count"] == 0)
    }
}
