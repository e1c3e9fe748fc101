import APIKit
import HTTP1
import VPSOrg

/// `POST /api/v1/servers/{server_id}/start|stop|reboot/`.
enum PowerRoutes {
    static func routes(model: VPSOrgModel) -> [APIRoute] {
        [
            .tenant(.POST, "/{server_id:int}/start", "Power on a stopped server") { request in
                let server = try model.startServer(request.intParameter("server_id"), in: request.context)
                return .json(ServerJSON.action(server, message: "Server is starting"))
            },
            .tenant(.POST, "/{server_id:int}/stop", "Shut down a running server") { request in
                let server = try model.stopServer(request.intParameter("server_id"), in: request.context)
                return .json(ServerJSON.action(server, message: "Server is stopping"))
            },
            .tenant(.POST, "/{server_id:int}/reboot", "Reboot an active server") { request in
                let server = try model.rebootServer(request.intParameter("server_id"), in: request.context)
                return .json(ServerJSON.action(server, message: "Server is rebooting"))
            },
        ]
    }
}
