import APIKit
import HTTP1
import SandboxCore
import VPSOrg

/// `/api/v1/servers/` and `/api/v1/servers/{server_id}/`: list, create, detail, update, delete.
enum ServerRoutes {
    static func routes(model: VPSOrgModel) -> [APIRoute] {
        let creation = ServerInput.Creation(model.catalog)
        let presenter = ServerPresenter(model.catalog)
        let created = Answer.json(presenter.created, status: .created, "Created; provisioning takes minutes").linking(serverLinks)
        return [
            .tenant(
                .GET, VPSOrgAPI.servers, "List servers (filters status, location; page, page_size)", input: ServerInput.list,
                answer: .json(presenter.page)
            ) { request, input in
                let filter = ServerInput.filter(input)
                let context = request.context
                let page = try PageRequest(
                    page: input[PageInput.page], size: input[PageInput.pageSize], count: model.countServers(filter, in: context))
                let servers = try model.servers(filter, offset: page.offset, limit: page.size, in: context)
                return page.page(servers, request: request.http)
            },
            // Read by hand: the body's dialect decides which declaration reads it.
            APIRoute(
                .POST, VPSOrgAPI.servers, "Create a server (the document's body, or the clients' with plan and OS version uuids)",
                .tenant { request in
                    let context = request.context
                    let order = try creation.order(request.http) { try model.sshKey(uuid: $0, in: context) }
                    return created.respond(try model.createServer(order, in: context))
                },
                input: creation.declaration, answers: [created.documentation]),
            .tenant(.GET, VPSOrgAPI.servers + "/{server_id}", "Server details", answer: .json(presenter.detail)) { request, _ in
                try detail(model, try model.server(ServerReference(request.parameter("server_id")), in: request.context), request)
            },
            update(model, presenter, complete: true, .PUT, "Update a server (name, hostname, backups_enabled)"),
            update(model, presenter, complete: false, .PATCH, "Update some fields of a server"),
            .tenant(.DELETE, VPSOrgAPI.servers + "/{server_id}", "Delete a server", answer: .empty()) { request, _ in
                try model.deleteServer(ServerReference(request.parameter("server_id")), in: request.context)
            },
        ]
    }

    /// What a created server's id is used for, and its uuid by the clients' actions.
    private static let serverLinks: [AnswerLink] = [
        ("GetServer", HTTPMethod.GET, "", "id"), ("UpdateServer", .PUT, "", "id"), ("ChangeServer", .PATCH, "", "id"),
        ("DeleteServer", .DELETE, "", "id"), ("StartServer", .POST, "/start", "id"), ("StopServer", .POST, "/stop", "id"),
        ("RebootServer", .POST, "/reboot", "id"), ("PowerServer", .POST, "/power", "uuid"), ("BackUpServer", .POST, "/backup", "uuid"),
        ("SnapshotServer", .POST, "/snapshot", "uuid"), ("ResizeServer", .POST, "/resize", "uuid"),
        ("ListServerActions", .GET, "/actions", "uuid"),
    ].map { name, method, action, key in
        AnswerLink(
            name, method, VPSOrgAPI.prefix + VPSOrgAPI.servers + "/{server_id}" + action, [("server_id", "$response.body#/\(key)")])
    }

    /// An unknown server is a 404 before the body is judged, as in DRF's `get_object()`.
    private static func update(
        _ model: VPSOrgModel, _ presenter: ServerPresenter, complete: Bool, _ method: HTTPMethod, _ summary: String
    ) -> APIRoute {
        let declaration = ServerInput.changes(complete: complete)
        return .tenant(
            method, VPSOrgAPI.servers + "/{server_id}", summary, input: declaration, before: { request in
                _ = try model.server(ServerReference(request.parameter("server_id")), in: request.context)
            }, answer: .json(presenter.detail)
        ) { request, input in
            let server = try model.updateServer(ServerReference(request.parameter("server_id")), ServerInput.changes(input), in: request.context)
            return try detail(model, server, request)
        }
    }

    static func detail(_ model: VPSOrgModel, _ server: VPSServer, _ request: APIRequest) throws -> ServerDetail {
        ServerDetail(
            server: server, usage: ResourceUsage(of: server, at: request.context.now),
            sshKeys: try model.installedSSHKeys(on: server, in: request.context),
            actions: try model.activeActions(of: server, in: request.context))
    }
}
