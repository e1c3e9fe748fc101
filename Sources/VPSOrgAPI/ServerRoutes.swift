import APIKit
import HTTP1
import SandboxCore
import StructuredData
import VPSOrg

/// `/api/v1/servers/` and `/api/v1/servers/{server_id}/`: list, create, detail, update, delete.
enum ServerRoutes {
    static func routes(model: VPSOrgModel) -> [APIRoute] {
        [
            .tenant(.GET, "", "List servers (filters status, location; page, page_size)") { request in
                let filter = try listFilter(request.queryFields())
                let context = request.context
                let page = try PageRequest(request: request.http, count: model.countServers(filter, in: context))
                let servers = try model.servers(filter, offset: page.offset, limit: page.size, in: context)
                return .json(page.envelope(servers.map(ServerJSON.listItem), request: request.http))
            },
            .tenant(.POST, "", "Create a server") { request in
                let order = try ServerOrder(fields: body(request), catalog: model.catalog)
                return .json(ServerJSON.created(try model.createServer(order, in: request.context)), status: .created)
            },
            .tenant(.GET, "/{server_id:int}", "Server details") { request in
                detail(try model.server(request.intParameter("server_id"), in: request.context), request)
            },
            .tenant(.PUT, "/{server_id:int}", "Update a server (name, hostname, backups_enabled)") { request in
                try update(model, request, complete: true)
            },
            .tenant(.PATCH, "/{server_id:int}", "Update some fields of a server") { request in
                try update(model, request, complete: false)
            },
            .tenant(.DELETE, "/{server_id:int}", "Delete a server") { request in
                try model.deleteServer(request.intParameter("server_id"), in: request.context)
                return .empty(.noContent)
            },
        ]
    }

    /// The body's fields; a body that is not JSON or a form is DRF's parse error.
    static func body(_ request: APIRequest) throws -> InputFields {
        do {
            return try request.fields()
        } catch let error as DomainError {
            throw DomainError(.invalidInput, "JSON parse error - \(error.message)")
        }
    }

    private static func listFilter(_ query: InputFields) throws -> ServerFilter {
        var filter = ServerFilter()
        if let value = try query.string("status") {
            guard let status = ServerStatus(filterValue: value) else {
                throw DomainError.invalid("status", "Select a valid choice. \(value) is not one of the available choices.")
            }
            filter.status = status
        }
        filter.location = try query.string("location")
        return filter
    }

    private static func update(_ model: VPSOrgModel, _ request: APIRequest, complete: Bool) throws -> HTTPResponse {
        let id = request.intParameter("server_id")
        // An unknown server is a 404 before the body is judged, as in DRF's get_object().
        _ = try model.server(id, in: request.context)
        let changes = try ServerChanges(fields: body(request), complete: complete)
        return detail(try model.updateServer(id, changes, in: request.context), request)
    }

    private static func detail(_ server: VPSServer, _ request: APIRequest) -> HTTPResponse {
        .json(ServerJSON.detail(server, usage: ResourceUsage(of: server, at: request.context.now)))
    }
}
