import APIKit
import HTTP1
import SandboxCore
import VPSOrg

/// `/api/v1/deploy-configs/{uuid}/env/`: list (values masked), set, and remove one variable.
enum DeployEnvironmentRoutes {
    static func routes(model: VPSOrgModel) -> [APIRoute] {
        let env = DeployConfigRoutes.item + "/env"
        return [
            .tenant(.GET, env, "The config's environment variables, values masked", answer: .json(DeployEnvironmentPresenter.environment)) {
                request, _ in
                try model.environment(of: request.parameter("config_id"), in: request.context)
            },
            .tenant(
                .POST, env, "Set environment variables (written to the app's .env on its next deployment)",
                input: DeployEnvironmentInput.set, before: { request in
                    _ = try model.deployConfig(request.parameter("config_id"), in: request.context)
                }, answer: .json(DeployEnvironmentPresenter.message)
            ) { request, input in
                let variables = try input.required(DeployEnvironmentInput.vars)
                try model.setEnvironment(of: request.parameter("config_id"), variables, in: request.context)
                return "\(variables.count) environment variable(s) set: \(variables.map(\.name).joined(separator: ", "))."
            },
            .tenant(.DELETE, env + "/{key}", "Remove an environment variable", answer: .json(DeployEnvironmentPresenter.message)) {
                request, _ in
                let name = request.parameter("key")
                try model.removeEnvironmentVariable(of: request.parameter("config_id"), name, in: request.context)
                return "Variable \"\(name)\" removed."
            },
        ]
    }
}
