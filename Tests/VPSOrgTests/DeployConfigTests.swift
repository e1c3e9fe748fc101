import HTTP1
import SandboxTesting
import StructuredData
import Testing

@Suite struct DeployConfigTests {
    @Test func theCLIsBodyCreatesAConfigThatListsWithItsServer() throws {
        let sandbox = try TestSandbox()
        let server = sandbox.activeServer()
        let created = sandbox.request(.POST, "/api/v1/deploy-configs/", json: TestSandbox.cliConfig(server: server))
        #expect(created.status == 201)
        let config = created.json
        let uuid = try #require(config["uuid"]?.stringValue)
        #expect(uuid.count == 36)
        #expect(config["server_hostname"] == "web02.example.com")
        #expect(config["server_uuid"]?.stringValue?.count == 36)
        #expect(config["app_type"] == "python")
        #expect(config["deploy_path"] == "/var/www/blog")
        #expect(config["build_commands"] == ["pip install -r requirements.txt"])
        #expect(config["port"] == 8000)
        #expect(config["created_at"] == config["updated_at"])

        let list = sandbox.request(.GET, "/api/v1/deploy-configs/").json
        #expect(list["count"] == 1)
        #expect(list["next"] == .null)
        #expect(list["results"]?.arrayValue?.first == config)
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/\(uuid)/").json == config)
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/" + uuid.uppercased()).json == config)
    }

    @Test func postingTheSameServerAndNameAgainUpdatesThatConfig() throws {
        let sandbox = try TestSandbox()
        let server = sandbox.activeServer()
        let uuid = sandbox.deployConfig(server: server)
        sandbox.advance(seconds: 60)
        let again = sandbox.request(
            .POST, "/api/v1/deploy-configs/",
            json: TestSandbox.cliConfig(server: server, changes: ["port": 8001, "domain": "blog.example.com"]))
        #expect(again.status == 200)
        #expect(again.json["uuid"] == .string(uuid))
        #expect(again.json["port"] == 8001)
        #expect(again.json["domain"] == "blog.example.com")
        #expect(again.json["updated_at"] != again.json["created_at"])
        let other = sandbox.deployConfig(server: server, name: "shop")
        #expect(other != uuid)
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/").json["count"] == 2)
    }

    @Test func blanksTakeTheAppTypesDefaults() throws {
        let sandbox = try TestSandbox()
        let server = sandbox.activeServer()
        let body: JSONValue = [
            "server_uuid": .string(String(server)), "name": "My Site!", "app_type": "static", "runtime_version": "",
            "start_command": "", "build_commands": [], "domain": "", "deploy_path": "", "exclude_paths": [],
            "git_repo": "git@github.com:example/site.git", "git_branch": "",
        ]
        let created = sandbox.request(.POST, "/api/v1/deploy-configs/", json: body)
        #expect(created.status == 201, "\(created.text)")
        #expect(created.json["port"] == 80)
        #expect(created.json["deploy_path"] == "/var/www/my-site")
        #expect(created.json["git_branch"] == "main")
        #expect(created.json["runtime_version"] == "")
    }

    @Test func everyBadFieldIsNamedAtOnceAndNothingIsStored() throws {
        let sandbox = try TestSandbox()
        sandbox.activeServer()
        let body: JSONValue = [
            "server_uuid": "00000000-0000-4000-8000-000000000000", "name": "", "app_type": "ruby", "runtime_version": "latest",
            "build_commands": "npm install", "domain": "not a domain", "port": 70000, "deploy_path": "var/www/../etc",
            "exclude_paths": ["ok", ""], "git_repo": "nope", "git_branch": "bad..branch",
        ]
        let refused = sandbox.request(.POST, "/api/v1/deploy-configs/", json: body)
        #expect(refused.status == 400)
        let errors = try #require(refused.json.objectValue)
        #expect(Set(errors.keys) == [
            "server_uuid", "name", "app_type", "runtime_version", "build_commands", "domain", "port", "deploy_path",
            "exclude_paths", "git_repo", "git_branch",
        ])
        #expect(errors["server_uuid"]?.firstMessage == "Server \"00000000-0000-4000-8000-000000000000\" not found.")
        #expect(errors["app_type"]?.firstMessage == "\"ruby\" is not a valid choice.")
        #expect(errors["port"]?.firstMessage == "Ensure this value is less than or equal to 65535.")
        #expect(errors["name"]?.firstMessage == "This field may not be blank.")
        #expect(errors["build_commands"]?.firstMessage == "Expected a list of items but got type \"str\".")
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/").json["count"] == 0)

        let missing = sandbox.request(.POST, "/api/v1/deploy-configs/", json: [:])
        #expect(missing.json == [
            "server_uuid": ["This field is required."], "name": ["This field is required."],
            "app_type": ["This field is required."], "git_repo": ["This field is required."],
        ])
        let noStart = sandbox.request(
            .POST, "/api/v1/deploy-configs/", json: TestSandbox.cliConfig(server: sandbox.orderServer(), changes: ["start_command": ""]))
        #expect(noStart.json == ["start_command": ["A start command is required for python apps."]])
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/").json["count"] == 0)
    }

    @Test func putReplacesAndPatchChangesSomeFields() throws {
        let sandbox = try TestSandbox()
        let server = sandbox.activeServer()
        let uuid = sandbox.deployConfig(server: server)
        let path = "/api/v1/deploy-configs/\(uuid)/"

        let incomplete = sandbox.request(.PUT, path, json: ["name": "blog"])
        #expect(incomplete.status == 400)
        #expect(Set(incomplete.json.objectValue?.keys ?? []) == ["server_uuid", "app_type", "git_repo"])

        let replaced = sandbox.request(
            .PUT, path, json: TestSandbox.cliConfig(server: server, changes: ["app_type": "node", "start_command": "node index.js", "port": ""]))
        #expect(replaced.status == 200, "\(replaced.text)")
        #expect(replaced.json["app_type"] == "node")
        #expect(replaced.json["port"] == 3000)

        let patched = sandbox.request(.PATCH, path, json: ["port": 4000, "exclude_paths": ["node_modules"]])
        #expect(patched.status == 200)
        #expect(patched.json["port"] == 4000)
        #expect(patched.json["exclude_paths"] == ["node_modules"])
        #expect(patched.json["start_command"] == "node index.js")

        let refused = sandbox.request(.PATCH, path, json: ["start_command": "", "port": 0])
        #expect(refused.json == ["port": ["Ensure this value is greater than or equal to 1."]])
        let noStart = sandbox.request(.PATCH, path, json: ["start_command": ""])
        #expect(noStart.json == ["start_command": ["A start command is required for node apps."]])
        #expect(sandbox.request(.GET, path).json == patched.json)
    }

    @Test func unknownAndForeignConfigsAreNotFound() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.deployConfig(server: sandbox.activeServer())
        let intruder = "intruder-\(sandbox.token)"
        for (method, suffix) in [(HTTPMethod.GET, ""), (.PATCH, ""), (.PUT, ""), (.POST, "deploy/"), (.GET, "env/"), (.POST, "env/")] {
            let response = sandbox.request(method, "/api/v1/deploy-configs/\(uuid)/\(suffix)", token: .some(intruder), json: ["x": 1])
            #expect(response.status == 404, "\(method) \(suffix)")
            #expect(response.json == ["detail": "Not found."])
        }
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/", token: .some(intruder)).json["count"] == 0)
        // Another tenant's server cannot be named either.
        let theirs = sandbox.activeServer(token: intruder)
        let refused = sandbox.request(.POST, "/api/v1/deploy-configs/", json: TestSandbox.cliConfig(server: theirs))
        #expect(refused.json == ["server_uuid": .array([.string("Server \"\(theirs)\" not found.")])])
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/nothing/here/").json == ["detail": "Not found."])
    }

    @Test func aRenameOntoAnotherConfigsNameIsRefused() throws {
        let sandbox = try TestSandbox()
        let server = sandbox.activeServer()
        sandbox.deployConfig(server: server)
        let shop = sandbox.deployConfig(server: server, name: "shop")
        let refused = sandbox.request(.PATCH, "/api/v1/deploy-configs/\(shop)/", json: ["name": "blog"])
        #expect(refused.status == 400)
        #expect(refused.json == ["name": ["The server already has a deploy config called blog."]])
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/\(shop)/").json["name"] == "shop")
    }

    @Test func deleteRemovesAConfigUnlessADeploymentIsUnderWay() throws {
        let sandbox = try TestSandbox()
        let config = sandbox.deployConfig(server: sandbox.activeServer())
        sandbox.request(.POST, "/api/v1/deploy-configs/\(config)/env/", json: ["vars": ["A": "1"]])
        let deployment = sandbox.deploy(config)
        let busy = sandbox.request(.DELETE, "/api/v1/deploy-configs/\(config)/")
        #expect(busy.status == 409)
        #expect(busy.json == ["detail": "A deployment of blog is under way; cancel it first."])
        sandbox.advance(seconds: 300)
        #expect(sandbox.request(.DELETE, "/api/v1/deploy-configs/\(config)/", token: .some("intruder-\(sandbox.token)")).status == 404)
        let deleted = sandbox.request(.DELETE, "/api/v1/deploy-configs/\(config)/")
        #expect(deleted.status == 204)
        #expect(deleted.body.isEmpty)
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/\(config)/").status == 404)
        #expect(sandbox.request(.GET, "/api/v1/deployments/\(deployment)/").status == 404)
        #expect(sandbox.request(.DELETE, "/api/v1/deploy-configs/\(config)/").status == 404)
    }

    @Test func aDeletedServerTakesItsConfigsWithIt() throws {
        let sandbox = try TestSandbox()
        let server = sandbox.activeServer()
        let uuid = sandbox.deployConfig(server: server)
        #expect(sandbox.request(.DELETE, "/api/v1/servers/\(server)/").status == 204)
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/\(uuid)/").status == 404)
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/").json["count"] == 0)
    }
}
