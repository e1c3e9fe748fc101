import APIKit
import HTTP1
import Reseller
import ResellerAPI

/// `POST /_sandbox/incidents`: injects a network incident into one of the tenant's VMs,
/// visible in its `GET /api/v1/datacenter/server/{sid}/incidents`.
enum IncidentRoutes {
    static func routes() -> [APIRoute] {
        [
            .tenant(
                .POST, "/incidents", "Add a network incident to one of the tenant's VMs", input: IncidentInput.incident,
                answer: .json(IncidentPresenter.incident, status: .created, "The incident, as the VM's incident list shows it")
            ) { request, input in
                try ServerIncidents.add(
                    serverId: try input.required(IncidentInput.serverId), types: input[IncidentInput.types] ?? ["UDP Flood"],
                    impact: input[IncidentInput.impact] ?? 1000, direction: input[IncidentInput.direction] ?? 1,
                    ongoing: input[IncidentInput.ongoing] ?? false, host: input[IncidentInput.host], in: request.context)
            }
        ]
    }
}
