import APIKit
import HTTP1
import SandboxCore
import VPSOrg

/// The clients' server actions: `POST /servers/{id}/power/`, `/resize/`, and the list of a
/// server's actions. Each answers 202 with the action; 409 where the server's state forbids it.
/// As in DRF, an unknown server is a 404 before the body is judged.
enum ServerActionRoutes {
    static func routes(model: VPSOrgModel) -> [APIRoute] {
        let resize = ServerActionInput.Resize(model.catalog)
        let accepted = ServerActionPresenter.accepted
        return [
            .tenant(
                .POST, VPSOrgAPI.servers + "/{server_id}/power", "Power action: start, stop, restart or hard_stop",
                input: ServerActionInput.power, before: { try requireServer(model, $0) }, answer: accepted
            ) { request, input in
                try model.power(try input.required(ServerActionInput.action), reference(request), in: request.context)
            },
            .tenant(
                .POST, VPSOrgAPI.servers + "/{server_id}/resize", "Resize to another plan (plan uuid)", input: resize.declaration,
                before: { try requireServer(model, $0) }, answer: accepted
            ) { request, input in
                try model.resize(reference(request), to: try input.required(resize.plan), in: request.context)
            },
            .tenant(
                .GET, VPSOrgAPI.servers + "/{server_id}/actions", "The server's actions, newest first (page, page_size)",
                input: ServerActionInput.list, answer: .json(ServerActionPresenter.page)
            ) { request, input in
                let context = request.context
                let page = try PageRequest(
                    page: input[PageInput.page], size: input[PageInput.pageSize],
                    count: model.countActions(of: reference(request), in: context))
                return page.page(
                    try model.actions(of: reference(request), offset: page.offset, limit: page.size, in: context), request: request.http)
            },
        ]
    }

    static func reference(_ request: APIRequest) -> ServerReference { ServerReference(request.parameter("server_id")) }

    static func requireServer(_ model: VPSOrgModel, _ request: APIRequest) throws {
        _ = try model.server(reference(request), in: request.context)
    }
}
