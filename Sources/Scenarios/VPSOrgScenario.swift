import APIKit
import SandboxCore
import StructuredData
import VPSOrg
import VPSOrgAPI

/// A scenario's VPS.org servers, ordered through `POST /api/v1/servers/`'s own path (same
/// field names), then brought to their declared status.
struct VPSOrgScenario {
    enum Status: String, CaseIterable { case provisioning, active, stopped }

    let context: TenantContext
    let model: VPSOrgModel
    let report: ScenarioReport
    /// `POST /api/v1/servers/`'s own input declaration, so a scenario is read like the API reads it.
    let order: ServerInput.Order

    init(context: TenantContext, model: VPSOrgModel, report: ScenarioReport) {
        self.context = context
        self.model = model
        self.report = report
        order = ServerInput.Order(model.catalog)
    }

    private var orderFields: [String] { order.declaration.fields.map(\.name) }

    func apply(_ servers: [ScenarioNode]) throws {
        try ScenarioReport.requireUnique(servers, key: "name")
        for server in servers {
            try server.allowOnly(orderFields + ["status"])
            let name = try server.string("name", required: true)!
            if let existing = try model.server(named: name, in: context) {
                report.kept("vpsorgServer", name, id: existing.id)
                continue
            }
            let status = try server.choice("status", Status.self, default: .active)
            let created = try server.applying {
                let input = try order.declaration.read(body: server.fields(orderFields))
                return try model.createServer(try order.order(input), in: context)
            }
            if status != .provisioning { try settle(created.id) }
            if status == .stopped {
                _ = try server.applying { try model.stopServer(.id(created.id), in: context) }
                try settle(created.id)
            }
            report.created("vpsorgServer", name, id: created.id)
        }
    }

    /// The transition in progress ends now (provisioning assigns the addresses).
    private func settle(_ id: Int) throws {
        try context.fireTimers(resourceType: VPSServer.resourceType, resourceId: id)
    }
}
