import SandboxTesting
import StructuredData
import Testing

@Suite struct DeploymentTests {
    @Test func aDeploymentRunsItsStepsOnTheClockAndCompletes() throws {
        let sandbox = try TestSandbox()
        let config = sandbox.deployConfig(server: sandbox.activeServer())
        let started = sandbox.request(.POST, "/api/v1/deploy-configs/\(config)/deploy/", json: ["git_commit": "3F2C1A9"])
        #expect(started.status == 201)
        #expect(started.json["status"] == "pending")
        #expect(started.json["git_commit"] == "3f2c1a9")
        #expect(started.json["logs"] == [])
        #expect(started.json["duration"] == .null)
        let uuid = try #require(started.json["uuid"]?.stringValue)

        sandbox.advance(seconds: 1)
        #expect(sandbox.deployment(uuid)["status"] == "pending")
        sandbox.advance(seconds: 1)
        #expect(sandbox.deployment(uuid)["status"] == "running")
        #expect(sandbox.steps(uuid) == ["clone:running"])
        let clone = try #require(sandbox.deployment(uuid)["logs"]?.arrayValue?.first)
        #expect(clone["message"] == "Cloning https://github.com/example/blog.git (main)")
        #expect(clone["output"] == "")

        sandbox.advanceUntilRunning(uuid, step: "build")
        #expect(sandbox.steps(uuid) == ["clone:completed", "setup_runtime:completed", "build:running"])
        #expect(dashboardState(sandbox) == "running: build")
        sandbox.advance(seconds: 120)
        #expect(dashboardState(sandbox) == "completed")
        let done = sandbox.deployment(uuid)
        #expect(done["status"] == "completed")
        #expect(sandbox.steps(uuid) == [
            "clone:completed", "setup_runtime:completed", "build:completed", "release:completed", "restart:completed",
            "health_check:completed",
        ])
        let duration = try #require(done["duration"]?.doubleValue)
        #expect(duration > 10 && duration < 100)
        let logs = done["logs"]?.arrayValue ?? []
        #expect(logs[0]["message"] == "Checked out main at 3f2c1a9")
        #expect(logs[2]["output"] == "$ pip install -r requirements.txt\nexit status 0")

        // The job behind it, and the event feed, show the same progress.
        let job = sandbox.request(.GET, "/_sandbox/jobs").json["jobs"]?.arrayValue?.last { $0["kind"] == "vpsorg.deployment" }
        #expect(job?["status"] == "finished")
        let events = sandbox.request(.GET, "/_sandbox/events").json["events"]?.arrayValue ?? []
        let states = events.filter { $0["resourceType"] == "vpsorg_deployment" }.compactMap { $0["to"]?.stringValue }
        #expect(states == ["pending", "clone", "setup_runtime", "build", "release", "restart", "health_check", "completed"])
    }

    /// The deploy config's state on the dashboard.
    func dashboardState(_ sandbox: TestSandbox) -> JSONValue? {
        let resources = sandbox.request(.GET, "/_sandbox/overview").json["tenants"]?.arrayValue?.first?["servers"]?.arrayValue
        return resources?.first { $0["resourceType"] == "vpsorg_deploy_config" }?["state"]
    }

    @Test func aServerThatIsNotActiveIsRefusedAndNothingStarts() throws {
        let sandbox = try TestSandbox()
        let server = sandbox.orderServer()
        let config = sandbox.deployConfig(server: server)
        let refused = sandbox.request(.POST, "/api/v1/deploy-configs/\(config)/deploy/", json: ["git_commit": ""])
        #expect(refused.status == 409)
        #expect(refused.json == ["detail": "Server web02.example.com is not active (status: provisioning); deployments need a running server."])
        sandbox.advance(seconds: 300)
        sandbox.request(.POST, "/api/v1/servers/\(server)/stop/")
        #expect(sandbox.request(.POST, "/api/v1/deploy-configs/\(config)/deploy/").status == 409)
        #expect(sandbox.request(.GET, "/api/v1/deployments/").json["count"] == 0)
        #expect(sandbox.deploymentJob() == nil)
        let badCommit = sandbox.request(.POST, "/api/v1/deploy-configs/\(config)/deploy/", json: ["git_commit": "xyz"])
        #expect(badCommit.status == 400)
        #expect(badCommit.json["git_commit"] != nil)
    }

    @Test func oneDeploymentOfAConfigAtATime() throws {
        let sandbox = try TestSandbox()
        let config = sandbox.deployConfig(server: sandbox.activeServer())
        let first = sandbox.deploy(config)
        let second = sandbox.request(.POST, "/api/v1/deploy-configs/\(config)/deploy/", json: ["git_commit": ""])
        #expect(second.status == 409)
        #expect(second.json == ["detail": "A deployment of blog is already in progress; wait for it or cancel it."])
        sandbox.advance(seconds: 300)
        #expect(sandbox.deployment(first)["status"] == "completed")
        let third = sandbox.deploy(config)
        #expect(third != first)
        let list = sandbox.request(.GET, "/api/v1/deployments/").json
        #expect(list["count"] == 2)
        #expect(list["results"]?.arrayValue?.map { $0["uuid"] } == [.string(third), .string(first)])
        #expect(list["results"]?.arrayValue?.first?["config_name"] == "blog")
        #expect(list["results"]?.arrayValue?.first?["server_hostname"] == "web02.example.com")
        #expect(list["results"]?.arrayValue?.first?["logs"] == nil)
        let completed = sandbox.request(.GET, "/api/v1/deployments/?status=completed&config=\(config)").json
        #expect(completed["results"]?.arrayValue?.map { $0["uuid"] } == [.string(first)])
        #expect(sandbox.request(.GET, "/api/v1/deployments/?status=done").status == 400)
    }

    @Test func aForcedFailureFailsTheStepThatIsRunning() throws {
        let sandbox = try TestSandbox()
        let config = sandbox.deployConfig(server: sandbox.activeServer())
        let uuid = sandbox.deploy(config)
        sandbox.advanceUntilRunning(uuid, step: "build")
        let job = try #require(sandbox.deploymentJob())
        let failed = sandbox.request(.POST, "/_sandbox/jobs/\(job)/fail", json: ["output": "npm ERR! missing script: build"])
        #expect(failed.status == 200)
        let deployment = sandbox.deployment(uuid)
        #expect(deployment["status"] == "failed")
        #expect(deployment["error_message"] == "build failed: npm ERR! missing script: build")
        #expect(sandbox.steps(uuid) == ["clone:completed", "setup_runtime:completed", "build:failed"])
        #expect(deployment["logs"]?.arrayValue?.last?["message"] == "npm ERR! missing script: build")
        #expect(deployment["duration"]?.doubleValue != nil)
        // Nothing more happens later.
        sandbox.advance(seconds: 600)
        #expect(sandbox.steps(uuid) == ["clone:completed", "setup_runtime:completed", "build:failed"])
        #expect(sandbox.request(.POST, "/api/v1/deployments/\(uuid)/cancel/").status == 409)

        // Failed while still pending: the first step is where it failed.
        let pending = sandbox.deploy(config)
        let pendingJob = try #require(sandbox.deploymentJob())
        sandbox.request(.POST, "/_sandbox/jobs/\(pendingJob)/fail", json: [:])
        #expect(sandbox.steps(pending) == ["clone:failed"])
        #expect(sandbox.deployment(pending)["error_message"] == "clone failed: Failed by the sandbox control plane.")
        let events = sandbox.request(.GET, "/_sandbox/events").json["events"]?.arrayValue ?? []
        #expect(events.last?["from"] == "pending" && events.last?["to"] == "failed")
    }

    @Test func aForcedCompletionRunsTheRemainingStepsAtOnce() throws {
        let sandbox = try TestSandbox()
        let config = sandbox.deployConfig(server: sandbox.activeServer())
        let uuid = sandbox.deploy(config)
        let job = try #require(sandbox.deploymentJob())
        #expect(sandbox.request(.POST, "/_sandbox/jobs/\(job)/complete").status == 200)
        let deployment = sandbox.deployment(uuid)
        #expect(deployment["status"] == "completed")
        #expect(sandbox.steps(uuid).count == 6)
        #expect(sandbox.steps(uuid).allSatisfy { $0.hasSuffix(":completed") })
        #expect(sandbox.request(.GET, "/_sandbox/jobs").json["timers"]?.arrayValue?.contains { $0["jobId"] == .int(Int64(job)) } == false)
    }

    @Test func cancelStopsADeploymentUnderWayAndOnlyThen() throws {
        let sandbox = try TestSandbox()
        let config = sandbox.deployConfig(server: sandbox.activeServer())
        let uuid = sandbox.deploy(config)
        sandbox.advanceUntilRunning(uuid, step: "setup_runtime")
        let cancelled = sandbox.request(.POST, "/api/v1/deployments/\(uuid)/cancel/")
        #expect(cancelled.status == 200)
        #expect(cancelled.json["status"] == "cancelled")
        #expect(sandbox.steps(uuid) == ["clone:completed", "setup_runtime:cancelled"])
        sandbox.advance(seconds: 600)
        #expect(sandbox.deployment(uuid)["status"] == "cancelled")
        let again = sandbox.request(.POST, "/api/v1/deployments/\(uuid)/cancel/")
        #expect(again.status == 409)
        #expect(again.json == ["detail": "Deployment has already ended (cancelled)."])
        // A pending one is cancelled before any step.
        let pending = sandbox.deploy(config)
        #expect(sandbox.request(.POST, "/api/v1/deployments/\(pending)/cancel").json["logs"] == [])
    }

    @Test func aStaticSiteSkipsTheBuildWithoutCommandsAndReloadsNginx() throws {
        let sandbox = try TestSandbox()
        let config = sandbox.deployConfig(
            server: sandbox.activeServer(), name: "site",
            changes: ["app_type": "static", "build_commands": [], "start_command": "", "domain": "www.example.com"])
        let uuid = sandbox.deploy(config)
        sandbox.advance(seconds: 120)
        #expect(sandbox.steps(uuid) == ["clone:completed", "build:skipped", "release:completed", "reload:completed", "health_check:completed"])
        let logs = sandbox.request(.GET, "/api/v1/deployments/\(uuid)/logs/")
        #expect(logs.json.arrayValue?.count == 5)
        #expect(logs.json.arrayValue?.last?["message"] == "http://www.example.com/ answered 200 OK")
    }

    @Test func stoppingTheServerFailsTheDeploymentAtItsNextStep() throws {
        let sandbox = try TestSandbox()
        let server = sandbox.activeServer()
        let uuid = sandbox.deploy(sandbox.deployConfig(server: server))
        sandbox.advance(seconds: 2)
        sandbox.request(.POST, "/api/v1/servers/\(server)/stop/")
        sandbox.advance(seconds: 120)
        let deployment = sandbox.deployment(uuid)
        #expect(deployment["status"] == "failed")
        #expect(deployment["error_message"]?.stringValue?.hasPrefix("clone failed: Server web02.example.com is ") == true)
    }

    @Test func aServerDeletedMidwayTakesItsDeploymentAndTheJobEndsQuietly() throws {
        let sandbox = try TestSandbox()
        let server = sandbox.activeServer()
        let uuid = sandbox.deploy(sandbox.deployConfig(server: server))
        sandbox.advance(seconds: 5)
        #expect(sandbox.request(.DELETE, "/api/v1/servers/\(server)/").status == 204)
        #expect(sandbox.advance(seconds: 300).status == 200)
        #expect(sandbox.request(.GET, "/api/v1/deployments/\(uuid)/").status == 404)
        let job = sandbox.request(.GET, "/_sandbox/jobs").json["jobs"]?.arrayValue?.last { $0["kind"] == "vpsorg.deployment" }
        #expect(job?["status"] == "finished")
        #expect(job?["output"] == "The deployment was removed with its server.")
    }

    @Test func aFaultRuleOnTheDeployPathRefusesBeforeAnythingStarts() throws {
        let sandbox = try TestSandbox()
        sandbox.checksContract = false
        let config = sandbox.deployConfig(server: sandbox.activeServer())
        let rule = sandbox.request(.POST, "/_sandbox/faults", json: [
            "method": "POST", "path": "/api/v1/deploy-configs/*/deploy/", "status": 503, "body": ["detail": "Deploys are paused."],
            "times": 1,
        ])
        #expect(rule.status == 201, "\(rule.text)")
        let paused = sandbox.request(.POST, "/api/v1/deploy-configs/\(config)/deploy/", json: ["git_commit": ""])
        #expect(paused.status == 503)
        #expect(paused.json == ["detail": "Deploys are paused."])
        #expect(sandbox.request(.GET, "/api/v1/deployments/").json["count"] == 0)
        #expect(sandbox.request(.POST, "/api/v1/deploy-configs/\(config)/deploy/", json: ["git_commit": ""]).status == 201)
    }

    @Test func deploymentsAreTheTenantsOwn() throws {
        let sandbox = try TestSandbox()
        let uuid = sandbox.deploy(sandbox.deployConfig(server: sandbox.activeServer()))
        let intruder = "intruder-\(sandbox.token)"
        for (path, post) in [("", false), ("logs/", false), ("cancel/", true)] {
            let response = sandbox.request(post ? .POST : .GET, "/api/v1/deployments/\(uuid)/\(path)", token: .some(intruder))
            #expect(response.status == 404)
            #expect(response.json == ["detail": "Not found."])
        }
        #expect(sandbox.request(.GET, "/api/v1/deployments/", token: .some(intruder)).json["count"] == 0)
        #expect(sandbox.deployment(uuid)["status"] == "pending")
    }

    @Test func retentionPrunesEndedDeploymentsWithTheirJobs() throws {
        let sandbox = try TestSandbox()
        let config = sandbox.deployConfig(server: sandbox.activeServer())
        let uuid = sandbox.deploy(config)
        sandbox.advance(seconds: 300)
        #expect(sandbox.deployment(uuid)["status"] == "completed")
        sandbox.advance(seconds: 8 * 86_400)
        #expect(sandbox.request(.GET, "/api/v1/deployments/\(uuid)/").status == 404)
        #expect(sandbox.request(.GET, "/api/v1/deployments/").json["count"] == 0)
        #expect(sandbox.request(.GET, "/api/v1/deploy-configs/\(config)/").status == 200)
    }
}
