import APIKit
import HTTP1
import SandboxCore
import StructuredData
import VPSOrg

/// `/api/v1/deployments/`: the list (newest first), the detail with its step logs, the logs
/// alone (a bare list, as `vps logs` reads it), and `cancel/`.
enum DeploymentRoutes {
    static let item = VPSOrgAPI.deployments + "/{deployment_id}"

    static func routes(model: VPSOrgModel) -> [APIRoute] {
        [
            .tenant(
                .GET, VPSOrgAPI.deployments, "List deployments, newest first (filters config, status; page, page_size)",
                input: DeploymentInput.list, answer: .json(DeploymentPresenter.page)
            ) { request, input in
                let context = request.context
                let filter = DeploymentFilter(configUUID: input[DeploymentInput.config]?.lowercased(), status: input[DeploymentInput.status])
                let page = try PageRequest(
                    page: input[PageInput.page], size: input[PageInput.pageSize], count: model.countDeployments(filter, in: context))
                return page.page(try model.deployments(filter, offset: page.offset, limit: page.size, in: context), request: request.http)
            },
            .tenant(.GET, item, "Deployment details with its step logs", answer: .json(DeploymentPresenter.detail)) { request, _ in
                try withLogs(model.deployment(request.parameter("deployment_id"), in: request.context), model, request)
            },
            .tenant(.GET, item + "/logs", "The deployment's step logs", answer: .json(DeploymentPresenter.log.list)) { request, _ in
                let deployment = try model.deployment(request.parameter("deployment_id"), in: request.context)
                return try model.deploymentLogs(deployment, in: request.context)
            },
            .tenant(
                .POST, item + "/cancel", "Cancel a deployment that has not ended (409 otherwise)",
                answer: .json(DeploymentPresenter.detail)
            ) { request, _ in
                try withLogs(model.cancelDeployment(request.parameter("deployment_id"), in: request.context), model, request)
            },
        ]
    }

    private static func withLogs(_ deployment: Deployment, _ model: VPSOrgModel, _ request: APIRequest) throws -> DeploymentPresenter.WithLogs {
        (deployment, try model.deploymentLogs(deployment, in: request.context))
    }

    /// What a started deployment's uuid is used for.
    static let links: [AnswerLink] = [
        ("GetDeployment", HTTPMethod.GET, ""), ("GetDeploymentLogs", .GET, "/logs"), ("CancelDeployment", .POST, "/cancel"),
    ].map { name, method, action in
        AnswerLink(name, method, VPSOrgAPI.prefix + item + action, [("deployment_id", "$response.body#/uuid")])
    }
}
