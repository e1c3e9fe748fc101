import APIKit
import HTTP1
import SandboxCore
import StructuredData
import VPSOrg

/// `/api/v1/deploy-configs/`: list, create (or update: the CLI posts its `vps.yaml` on every
/// `vps deploy`), detail, `PUT`, `PATCH`, `DELETE`, and `deploy/`, which starts a deployment.
enum DeployConfigRoutes {
    static let item = VPSOrgAPI.deployConfigs + "/{config_id}"

    static func routes(model: VPSOrgModel) -> [APIRoute] {
        let created = Answer<DeployConfig>.json(DeployConfigPresenter.config, status: .created, "Created")
            .linking(configLinks)
        let updated = Answer<DeployConfig>.json(
            DeployConfigPresenter.config, status: .ok, "The server already had a config of that name: it was updated")
        let detail = Answer<DeployConfig>.json(DeployConfigPresenter.config)
        return [
            .tenant(
                .GET, VPSOrgAPI.deployConfigs, "List deploy configs (page, page_size)", input: PageInput.declaration,
                answer: .json(DeployConfigPresenter.page)
            ) { request, input in
                let context = request.context
                let page = try PageRequest(
                    page: input[PageInput.page], size: input[PageInput.pageSize], count: model.countDeployConfigs(in: context))
                return page.page(try model.deployConfigs(offset: page.offset, limit: page.size, in: context), request: request.http)
            },
            APIRoute(
                .POST, VPSOrgAPI.deployConfigs, "Create a deploy config, or update the server's config of that name",
                .tenant { request in
                    let (found, input) = try read(request, partial: false, model: model)
                    // Validation required the field, so the server is there.
                    guard let server = found else { throw DomainError.invalid("server_uuid", "This field is required.") }
                    let saved = try model.saveDeployConfig(
                        server: .id(server.id), try DeployConfigInput.settings(input), in: request.context)
                    return saved.created ? created.respond(saved.config) : updated.respond(saved.config)
                }, input: DeployConfigInput.documented, answers: [created.documentation, updated.documentation]),
            .tenant(.GET, item, "Deploy config details", answer: detail) { request, _ in
                try model.deployConfig(request.parameter("config_id"), in: request.context)
            },
            change(model, partial: false, .PUT, "Replace a deploy config's settings", detail),
            change(model, partial: true, .PATCH, "Change some fields of a deploy config", detail),
            .tenant(
                .DELETE, item, "Delete a deploy config with its environment and deployments (409 while one is under way)",
                answer: .empty()
            ) { request, _ in
                try model.deleteDeployConfig(request.parameter("config_id"), in: request.context)
            },
            .tenant(
                .POST, item + "/deploy", "Start a deployment (409 unless the server is active and no deployment is under way)",
                input: DeployConfigInput.deploy, before: { request in
                    _ = try model.deployConfig(request.parameter("config_id"), in: request.context)
                },
                answer: .json(DeploymentPresenter.detail, status: .created, "Started: pending, its steps follow on the clock")
                    .linking(DeploymentRoutes.links)
            ) { request, input in
                let deployment = try model.deploy(
                    request.parameter("config_id"), commit: input[DeployConfigInput.gitCommit] ?? "", in: request.context)
                return (deployment, [])
            },
        ]
    }

    /// The body's fields, with the server it names looked up among the tenant's first (a
    /// field reading has no database), so an unknown server is refused beside every other
    /// bad field.
    private static func read(_ request: APIRequest, partial: Bool, model: VPSOrgModel) throws -> (VPSServer?, InputValues) {
        let sent = (try? RequestBody.decode(request.http))?["server_uuid"].flatMap(LenientValue.string)
        let server = try sent.flatMap { text -> VPSServer? in
            let reference = ServerReference(String(text.trimmedWhitespace()))
            do { return try model.server(reference, in: request.context) } catch let error as DomainError where error.kind == .notFound {
                return nil
            }
        }
        let input = try DeployConfigInput.declaration(partial: partial) { _ in server }.read(request.http)
        return (input[DeployConfigInput.serverValue], input)
    }

    /// `PUT` (every required field) or `PATCH`; an unknown config is a 404 before the body is judged.
    private static func change(
        _ model: VPSOrgModel, partial: Bool, _ method: HTTPMethod, _ summary: String, _ answer: Answer<DeployConfig>
    ) -> APIRoute {
        APIRoute(
            method, item, summary,
            .tenant { request in
                let uuid = request.parameter("config_id")
                let current = try model.deployConfig(uuid, in: request.context)
                let (server, input) = try read(request, partial: partial, model: model)
                let settings = partial
                    ? try DeployConfigInput.patched(current.settings, input) : try DeployConfigInput.settings(input)
                let reference = server.map { ServerReference.id($0.id) }
                return answer.respond(try model.updateDeployConfig(uuid, server: reference, settings, in: request.context))
            }, input: partial ? DeployConfigInput.documentedPartial : DeployConfigInput.documented,
            answers: [answer.documentation])
    }

    private static let configLinks: [AnswerLink] = [
        ("GetDeployConfig", HTTPMethod.GET, ""), ("ReplaceDeployConfig", .PUT, ""), ("ChangeDeployConfig", .PATCH, ""),
        ("DeleteDeployConfig", .DELETE, ""),
        ("Deploy", .POST, "/deploy"), ("GetEnvironment", .GET, "/env"), ("SetEnvironment", .POST, "/env"),
    ].map { name, method, action in
        AnswerLink(name, method, VPSOrgAPI.prefix + item + action, [("config_id", "$response.body#/uuid")])
    }
}
