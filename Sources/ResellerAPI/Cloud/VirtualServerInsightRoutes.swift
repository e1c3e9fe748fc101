import APIKit
import HTTP1
import Reseller
import StructuredData

/// Console URL and network incidents of a VM.
enum VirtualServerInsightRoutes {
    static func routes(consoles: ConsoleTickets) -> [APIRoute] {
        [
            .tenant(.GET, "/datacenter/server/{sid:int}/console", "noVNC console URL (valid 10 s)") { request in
                let server = try VirtualServers.find(request.intParameter("sid"), in: request.context)
                let ticket = consoles.issue(
                    resourceType: VirtualServer.resourceType, resourceId: server.id, in: request.context)
                return ResellerAPI.result(.string(ticket.url(host: ConsolePageRoutes.host(of: request.http))))
            },
            // The documents' own oddity: `response` and `error` instead of `result`.
            .tenant(.GET, "/datacenter/server/{sid:int}/incidents", "Network incidents") { request in
                let incidents = try ServerIncidents.list(request.intParameter("sid"), in: request.context)
                return .json(["response": .array(incidents), "error": false])
            },
        ]
    }
}
