import SandboxCore
import StructuredData

/// The steps of one deployment, fixed when it starts (a later change of the config does not
/// change a deployment under way) and kept in its job's payload.
///
/// python: clone, setup_runtime (virtualenv), build, release, restart (the app's service),
/// health_check. node: the same with Node. static: clone, build, release, reload (nginx),
/// health_check. `build` is skipped when the config has no build commands.
struct DeploymentPlan {
    struct Step {
        let name: String
        /// Sandbox milliseconds; 0 for a skipped step, which takes no time.
        let millis: Int64
        let startMessage: String
        let doneMessage: String
        let output: String
        var skipped: Bool { millis == 0 }
    }

    let steps: [Step]

    var totalMillis: Int64 { steps.reduce(0) { $0 + $1.millis } }

    /// The plan for `config` at `commit`, each step's length drawn from its range.
    init(config: DeployConfig, commit: String, environment: Int, release: String, random: inout SeededRandom) {
        let settings = config.settings
        let path = settings.deployPath
        let short = String(commit.prefix(7))
        let service = DeploySettings.slug(settings.name)
        func millis(_ range: ClosedRange<Int>) -> Int64 { Int64(random.int(in: range)) }
        var steps = [
            Step(
                name: "clone", millis: millis(3_000...8_000),
                startMessage: "Cloning \(settings.gitRepo) (\(settings.gitBranch))",
                doneMessage: "Checked out \(settings.gitBranch) at \(short)",
                output: "Cloning into '\(path)/releases/\(release)'...\nHEAD is now at \(short)"
                    + (settings.excludePaths.isEmpty ? "" : "\nExcluded: \(settings.excludePaths.joined(separator: ", "))")),
        ]
        let runtime = settings.effectiveRuntime
        switch settings.appType {
        case .python:
            steps.append(Step(
                name: "setup_runtime", millis: millis(4_000...10_000), startMessage: "Preparing Python \(runtime)",
                doneMessage: "Python \(runtime) virtual environment ready",
                output: "created virtual environment CPython\(runtime) in \(path)/venv"))
        case .node:
            steps.append(Step(
                name: "setup_runtime", millis: millis(4_000...10_000), startMessage: "Preparing Node.js \(runtime)",
                doneMessage: "Node.js \(runtime) ready", output: "Now using node v\(runtime) (npm bundled)"))
        case .static:
            break
        }
        let commands = settings.buildCommands
        steps.append(Step(
            name: "build",
            millis: commands.isEmpty ? 0 : commands.reduce(Int64(0)) { total, _ in total + millis(5_000...20_000) },
            startMessage: commands.isEmpty ? "No build commands" : "Running \(commands.count) build command(s)",
            doneMessage: commands.isEmpty ? "No build commands" : "Build finished",
            output: commands.map { "$ \($0)\nexit status 0" }.joined(separator: "\n")))
        let site = settings.domain.isEmpty ? "" : "\nnginx: server_name \(settings.domain)"
            + (settings.appType == .static ? "; root \(path)/current" : "; proxy_pass http://127.0.0.1:\(settings.port)")
        steps.append(Step(
            name: "release", millis: millis(2_000...4_000), startMessage: "Releasing \(short)",
            doneMessage: "Release \(release) is live",
            output: "\(path)/current -> releases/\(release)\nWrote \(environment) environment variable(s) to \(path)/shared/.env"
                + site))
        switch settings.appType {
        case .python, .node:
            steps.append(Step(
                name: "restart", millis: millis(2_000...6_000), startMessage: "Restarting \(service).service",
                doneMessage: "\(service).service is running",
                output: "$ systemctl restart \(service).service\nExecStart=\(settings.startCommand)"))
        case .static:
            steps.append(Step(
                name: "reload", millis: millis(1_000...3_000), startMessage: "Reloading nginx",
                doneMessage: "nginx reloaded", output: "$ nginx -t && systemctl reload nginx\nnginx: configuration file test is successful"))
        }
        let target = settings.appType == .static
            ? "http://\(settings.domain.isEmpty ? config.serverHostname : settings.domain)/"
            : "http://127.0.0.1:\(settings.port)/"
        steps.append(Step(
            name: "health_check", millis: millis(1_000...3_000), startMessage: "Checking \(target)",
            doneMessage: "\(target) answered 200 OK", output: "GET \(target) -> 200 OK"))
        self.steps = steps
    }

    /// As kept in the job's payload.
    var payload: JSONValue {
        [
            "steps": .array(steps.map { step in
                [
                    "step": .string(step.name), "millis": .int(step.millis), "start": .string(step.startMessage),
                    "done": .string(step.doneMessage), "output": .string(step.output),
                ]
            })
        ]
    }

    /// Why a deployment whose job holds no readable plan fails (a hand-edited database).
    static let unreadable = "The deployment's stored plan (its job's payload) is unreadable."

    /// Read back from a job's payload; nil for a payload this module did not write.
    init?(payload: JSONValue) {
        guard let items = payload["steps"]?.arrayValue else { return nil }
        var steps: [Step] = []
        for item in items {
            guard let name = item["step"]?.stringValue, let millis = item["millis"]?.intValue,
                let start = item["start"]?.stringValue, let done = item["done"]?.stringValue, let output = item["output"]?.stringValue
            else { return nil }
            steps.append(Step(name: name, millis: millis, startMessage: start, doneMessage: done, output: output))
        }
        self.steps = steps
    }
}
