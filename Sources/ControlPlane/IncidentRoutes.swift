import APIKit
import HTTP1
import Reseller
import StructuredData

/// `POST /_sandbox/incidents`: injects a network incident into one of the tenant's VMs,
/// visible in its `GET /api/v1/datacenter/server/{sid}/incidents`.
enum IncidentRoutes {
    /// The incident as the VM's incident list shows it. The reseller model writes that JSON
    /// itself (`ServerIncidents`), so the answer is passed on as it is and only declared here.
    static let incident = Presenter<JSONValue>(
        schema: .object([
            Schema.Property("gid", .int), Schema.Property("start", .text), Schema.Property("stop", .text),
            Schema.Property("host", .text), Schema.Property("direction", .integerChoice([1, 2])),
            Schema.Property("impact", .integer(minimum: 0)), Schema.Property("types", .array(.text)),
            Schema.Property("ongoing", .integerChoice([0, 1])),
        ])
    ) { $0 }

    static func routes() -> [APIRoute] {
        [
            .tenant(
                .POST, "/incidents", "Add a network incident to one of the tenant's VMs", input: IncidentInput.incident,
                answer: .json(incident, status: .created, "The incident, added")
            ) { request, input in
                try ServerIncidents.add(
                    serverId: try input.required(IncidentInput.serverId), types: input[IncidentInput.types] ?? ["UDP Flood"],
                    impact: input[IncidentInput.impact] ?? 1000, direction: input[IncidentInput.direction] ?? 1,
                    ongoing: input[IncidentInput.ongoing] ?? false, host: input[IncidentInput.host], in: request.context)
            }
        ]
    }
}
