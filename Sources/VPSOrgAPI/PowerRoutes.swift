import APIKit
import HTTP1
import SandboxCore
import VPSOrg

/// `POST /api/v1/servers/{server_id}/start|stop|reboot/`.
enum PowerRoutes {
    static func routes(model: VPSOrgModel) -> [APIRoute] {
        [
            action(.POST, VPSOrgAPI.servers + "/{server_id}/start", "Power on a stopped server", message: "Server is starting", model.startServer),
            action(.POST, VPSOrgAPI.servers + "/{server_id}/stop", "Shut down a running server", message: "Server is stopping", model.stopServer),
            action(.POST, VPSOrgAPI.servers + "/{server_id}/reboot", "Reboot an active server", message: "Server is rebooting", model.rebootServer),
        ]
    }

    private static func action(
        _ method: HTTPMethod, _ pattern: String, _ summary: String, message: String,
        _ act: @escaping @Sendable (ServerReference, TenantContext) throws -> VPSServer
    ) -> APIRoute {
        .tenant(method, pattern, summary, answer: .json(ServerPresenter.action)) { request, _ in
            (try act(ServerReference(request.parameter("server_id")), request.context), message)
        }
    }
}
