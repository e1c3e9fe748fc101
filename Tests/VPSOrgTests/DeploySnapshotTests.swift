import SandboxTesting
import StructuredData
import Testing

/// Deploy configs, their environment and deployments under way survive a snapshot round trip
/// and go with a reset; snapshots from before deployments existed still import.
@Suite struct DeploySnapshotTests {
    func answers(_ sandbox: TestSandbox, config: String, deployment: String) -> [JSONValue] {
        [
            sandbox.request(.GET, "/api/v1/deploy-configs/").json,
            sandbox.request(.GET, "/api/v1/deploy-configs/\(config)/env/").json,
            sandbox.request(.GET, "/api/v1/deployments/").json,
            sandbox.deployment(deployment),
        ]
    }

    @Test func aDeploymentUnderWayRoundTripsAndARestClearsEverything() throws {
        let sandbox = try TestSandbox()
        let config = sandbox.deployConfig(server: sandbox.activeServer())
        sandbox.request(.POST, "/api/v1/deploy-configs/\(config)/env/", json: ["vars": ["SECRET_KEY": "kept-in-the-snapshot"]])
        let deployment = sandbox.deploy(config)
        sandbox.advanceUntilRunning(deployment, step: "build")
        let snapshot = sandbox.request(.GET, "/_sandbox/state")
        #expect(snapshot.json["tables"]?["vpsorg_deployment_logs"]?.arrayValue?.count == 3)
        sandbox.advance(seconds: 120)
        let original = answers(sandbox, config: config, deployment: deployment)
        #expect(original[3]["status"] == "completed")

        #expect(sandbox.request(.POST, "/_sandbox/reset").status == 200)
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/").json["count"] == 0)
        #expect(sandbox.request(.GET, "/api/v1/deployments/\(deployment)/").status == 404)

        #expect(sandbox.request(.PUT, "/_sandbox/state", body: snapshot.body).status == 200)
        #expect(sandbox.steps(deployment).last == "build:running")
        sandbox.advance(seconds: 120)
        #expect(answers(sandbox, config: config, deployment: deployment) == original)
    }

    @Test func aSnapshotFromBeforeDeploymentsImports() throws {
        let sandbox = try TestSandbox()
        let server = sandbox.activeServer()
        var snapshot = try #require(sandbox.request(.GET, "/_sandbox/state").json.objectValue)
        let migrations = snapshot["migrations"]?.arrayValue?.filter { !($0.stringValue?.hasPrefix("vpsorg.3") ?? false) } ?? []
        #expect(migrations.count + 2 == snapshot["migrations"]?.arrayValue?.count)
        snapshot["migrations"] = .array(migrations)
        var tables = snapshot["tables"]?.objectValue ?? [:]
        for name in ["vpsorg_deploy_configs", "vpsorg_deploy_env", "vpsorg_deployments", "vpsorg_deployment_logs"] {
            #expect(tables[name] != nil)
            tables[name] = nil
        }
        snapshot["tables"] = .object(tables)
        sandbox.request(.POST, "/_sandbox/reset")
        let imported = sandbox.request(.PUT, "/_sandbox/state", json: .object(snapshot))
        #expect(imported.status == 200, "\(imported.text)")
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/").json["count"] == 0)
        let config = sandbox.deployConfig(server: server)
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/\(config)/").status == 200)
    }
}
