import SandboxTesting
import StructuredData
import Testing

/// Scenarios seed deploy configs under their servers, read as the API reads them.
@Suite struct DeployScenarioTests {
    func load(_ sandbox: TestSandbox, _ configs: JSONValue) -> TestResponse {
        sandbox.request(.POST, "/_sandbox/scenarios", token: .some(nil), json: [
            "version": 1,
            "tenants": [[
                "token": .string(sandbox.token),
                "vpsorgServers": [["name": "web", "plan_id": 1, "os_id": 5, "location": "us-west", "deployConfigs": configs]],
            ]],
        ])
    }

    @Test func aServerComesWithItsDeployConfigsAndTheirEnvironment() throws {
        let sandbox = try TestSandbox()
        let configs: JSONValue = [
            [
                "name": "blog", "app_type": "python", "start_command": "gunicorn app.wsgi", "git_repo": "https://github.com/example/blog.git",
                "env": ["SECRET_KEY": "scenariosecret-123"],
            ],
            ["name": "site", "app_type": "static", "git_repo": "https://github.com/example/site.git", "domain": "www.example.com"],
        ]
        let loaded = load(sandbox, configs)
        #expect(loaded.status == 200, "\(loaded.text)")
        let list = sandbox.request(.GET, "/api/v1/deploy-configs/").json
        #expect(list["count"] == 2)
        let blog = try #require(list["results"]?.arrayValue?.first)
        #expect(blog["name"] == "blog")
        #expect(blog["server_hostname"] == "web")
        #expect(blog["runtime_version"] == "")
        let env = sandbox.request(.GET, "/api/v1/deploy-configs/\(blog["uuid"]?.stringValue ?? "")/env/").json
        #expect(env == ["env": ["SECRET_KEY": "sce********"]])
        // The server is active, so the seeded config deploys at once.
        let uuid = sandbox.deploy(blog["uuid"]?.stringValue ?? "")
        sandbox.advance(seconds: 300)
        #expect(sandbox.deployment(uuid)["status"] == "completed")

        let again = load(sandbox, configs)
        #expect(again.status == 200)
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/").json["count"] == 2)
    }

    @Test func aBadConfigIsRefusedUnderItsScenarioPath() throws {
        let sandbox = try TestSandbox()
        let refused = load(sandbox, [["name": "blog", "app_type": "ruby", "git_repo": "https://github.com/example/blog.git"]])
        #expect(refused.status == 400)
        #expect(refused.json["field"] == "tenants[0].vpsorgServers[0].deployConfigs[0].app_type")
        let badEnv = load(sandbox, [["name": "b", "app_type": "static", "git_repo": "https://github.com/x/y.git", "env": ["1X": "a"]]])
        #expect(badEnv.json["field"] == "tenants[0].vpsorgServers[0].deployConfigs[0].env")
        let unknown = load(sandbox, [["name": "b", "app_type": "static", "git_repo": "https://github.com/x/y.git", "server_uuid": "x"]])
        #expect(unknown.json["field"] == "tenants[0].vpsorgServers[0].deployConfigs[0].server_uuid")
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/").json["count"] == 0)
    }
}
