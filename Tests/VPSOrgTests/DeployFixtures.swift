import SandboxTesting
import StructuredData
import Testing

/// Deploy configs as `vps deploy` posts them, and shortcuts shared by the deployment tests.
extension TestSandbox {
    /// The body `vps deploy` builds from the `vps.yaml` of its `vps link` template (python).
    static func cliConfig(server: Int, name: String = "blog", changes: JSONObject = [:]) -> JSONValue {
        var body: JSONObject = [
            "server_uuid": .string(String(server)), "name": .string(name), "app_type": "python", "runtime_version": "3.12",
            "start_command": "gunicorn app.wsgi:application --workers 3 --bind 127.0.0.1:8000",
            "build_commands": ["pip install -r requirements.txt"], "domain": "", "port": 8000, "deploy_path": "",
            "exclude_paths": [], "git_repo": "https://github.com/example/blog.git", "git_branch": "main",
        ]
        for (key, value) in changes.entries { body[key] = value }
        return .object(body)
    }

    /// Creates a deploy config and returns its uuid ("" if that failed, which the expectation reports).
    @discardableResult
    func deployConfig(server: Int, name: String = "blog", changes: JSONObject = [:], token: String? = nil) -> String {
        let response = request(
            .POST, "/api/v1/deploy-configs/", token: token.map { .some($0) } ?? .none,
            json: TestSandbox.cliConfig(server: server, name: name, changes: changes))
        #expect(response.status == 201, "config refused: \(response.text)")
        return response.json["uuid"]?.stringValue ?? ""
    }

    /// Starts a deployment of the config and returns its uuid.
    func deploy(_ config: String, commit: String = "", token: String? = nil) -> String {
        let response = request(
            .POST, "/api/v1/deploy-configs/\(config)/deploy/", token: token.map { .some($0) } ?? .none,
            json: ["git_commit": .string(commit)])
        #expect(response.status == 201, "deploy refused: \(response.text)")
        return response.json["uuid"]?.stringValue ?? ""
    }

    func deployment(_ uuid: String, token: String? = nil) -> JSONValue {
        request(.GET, "/api/v1/deployments/\(uuid)/", token: token.map { .some($0) } ?? .none).json
    }

    /// `step:status` of each log entry, as the CLI keys them.
    func steps(_ uuid: String) -> [String] {
        (deployment(uuid)["logs"]?.arrayValue ?? []).map { "\($0["step"]?.stringValue ?? ""):\($0["status"]?.stringValue ?? "")" }
    }

    /// The id of the tenant's newest deployment job, from the control plane.
    func deploymentJob() -> Int? {
        let jobs = request(.GET, "/_sandbox/jobs").json["jobs"]?.arrayValue ?? []
        return jobs.last { $0["kind"] == "vpsorg.deployment" }?["id"]?.intValue.map(Int.init)
    }

    /// Advances a second at a time until the deployment's running step is `step` (at most 5 minutes).
    func advanceUntilRunning(_ uuid: String, step: String) {
        for _ in 0..<300 {
            if steps(uuid).last == "\(step):running" { return }
            advance(seconds: 1)
        }
        Issue.record("\(step) never ran: \(steps(uuid))")
    }
}
