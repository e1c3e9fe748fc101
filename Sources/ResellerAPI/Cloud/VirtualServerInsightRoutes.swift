import APIKit
import HTTP1
import Reseller

/// Console URL and network incidents of a VM.
enum VirtualServerInsightRoutes {
    static func routes(consoles: ConsoleTickets) -> [APIRoute] {
        [
            .tenant(
                .GET, "/datacenter/server/{sid:int}/console", "noVNC console URL (valid 10 s)",
                answer: ResellerAPI.result(VirtualServerPresenter.consoleURL)
            ) { request, _ in
                let server = try VirtualServers.find(request.intParameter("sid"), in: request.context)
                let ticket = consoles.issue(resourceType: VirtualServer.resourceType, resourceId: server.id, in: request.context)
                return ticket.url(host: ConsolePageRoutes.host(of: request.http))
            },
            // The documents' own oddity: `response` and `error` instead of `result`.
            .tenant(.GET, "/datacenter/server/{sid:int}/incidents", "Network incidents", answer: .json(IncidentPresenter.list)) {
                request, _ in
                try ServerIncidents.list(request.intParameter("sid"), in: request.context)
            },
        ]
    }
}
