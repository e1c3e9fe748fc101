import APIKit
import HTTP1
import SandboxCore
import VPSOrg

/// `/api/v1/servers/` and `/api/v1/servers/{server_id}/`: list, create, detail, update, delete.
enum ServerRoutes {
    static func routes(model: VPSOrgModel) -> [APIRoute] {
        let order = ServerInput.Order(model.catalog)
        return [
            .tenant(
                .GET, VPSOrgAPI.servers, "List servers (filters status, location; page, page_size)", input: ServerInput.list,
                answer: .json(ServerPresenter.page)
            ) { request, input in
                let filter = ServerInput.filter(input)
                let context = request.context
                let page = try PageRequest(
                    page: input[PageInput.page], size: input[PageInput.pageSize], count: model.countServers(filter, in: context))
                let servers = try model.servers(filter, offset: page.offset, limit: page.size, in: context)
                return page.page(servers, request: request.http)
            },
            .tenant(
                .POST, VPSOrgAPI.servers, "Create a server", input: order.declaration,
                answer: .json(ServerPresenter.created, status: .created, "Created; provisioning takes minutes")
                    .linking(serverLinks)
            ) { request, input in
                try model.createServer(try order.order(input), in: request.context)
            },
            .tenant(.GET, VPSOrgAPI.servers + "/{server_id}", "Server details", answer: .json(ServerPresenter.detail)) { request, _ in
                detail(try model.server(ServerReference(request.parameter("server_id")), in: request.context), request)
            },
            update(model, complete: true, .PUT, "Update a server (name, hostname, backups_enabled)"),
            update(model, complete: false, .PATCH, "Update some fields of a server"),
            .tenant(.DELETE, VPSOrgAPI.servers + "/{server_id}", "Delete a server", answer: .empty()) { request, _ in
                try model.deleteServer(ServerReference(request.parameter("server_id")), in: request.context)
            },
        ]
    }

    /// What a created server's id is used for.
    private static let serverLinks: [AnswerLink] = [
        ("GetServer", HTTPMethod.GET, ""), ("UpdateServer", .PUT, ""), ("ChangeServer", .PATCH, ""), ("DeleteServer", .DELETE, ""),
        ("StartServer", .POST, "/start"), ("StopServer", .POST, "/stop"), ("RebootServer", .POST, "/reboot"),
    ].map { name, method, action in
        AnswerLink(name, method, VPSOrgAPI.prefix + VPSOrgAPI.servers + "/{server_id}" + action, [("server_id", "$response.body#/id")])
    }

    /// An unknown server is a 404 before the body is judged, as in DRF's `get_object()`.
    private static func update(_ model: VPSOrgModel, complete: Bool, _ method: HTTPMethod, _ summary: String) -> APIRoute {
        let declaration = ServerInput.changes(complete: complete)
        return .tenant(
            method, VPSOrgAPI.servers + "/{server_id}", summary, input: declaration, before: { request in
                _ = try model.server(ServerReference(request.parameter("server_id")), in: request.context)
            }, answer: .json(ServerPresenter.detail)
        ) { request, input in
            let server = try model.updateServer(ServerReference(request.parameter("server_id")), ServerInput.changes(input), in: request.context)
            return detail(server, request)
        }
    }

    private static func detail(_ server: VPSServer, _ request: APIRequest) -> (server: VPSServer, usage: ResourceUsage) {
        (server, ResourceUsage(of: server, at: request.context.now))
    }
}
