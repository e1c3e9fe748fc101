import Reseller
import ResellerAPI
import SandboxCore

/// A scenario's dedicated servers (ordered from the market) and BYOD orders, read through the
/// order routes' own input declarations, placed through their own paths and delivered at
/// once when the scenario says so.
struct DedicatedScenario {
    enum ServerState: String, CaseIterable { case ordered, delivered }
    enum OrderState: String, CaseIterable { case building, delivered }

    let context: TenantContext
    let catalog: DedicatedCatalog
    let report: ScenarioReport

    func applyServers(_ servers: [ScenarioNode]) throws {
        try ScenarioReport.requireUnique(servers, key: "hostname")
        let input = DedicatedOrderInput(catalog: catalog)
        // The scenario calls the market offer `offer`; the order route calls it `id`.
        let renamed = ["id": "offer"]
        for server in servers {
            try server.allowOnly(["offer", "template", "hostname", "state"])
            let hostname = try server.string("hostname", required: true)!
            if let id = try DedicatedDelivery.server(hostname: hostname, in: context) {
                report.kept("dedicatedServer", hostname, id: id)
                continue
            }
            let state = try server.choice("state", ServerState.self, default: .delivered)
            let id = try server.applying(renamed: renamed) {
                let order = try input.order(body: server.fields(["id", "template", "hostname"], renamed: renamed))
                return try DedicatedMarket.order(order, in: context)
            }
            if state == .delivered { try DedicatedDelivery.deliver(server: id, in: context) }
            report.created("dedicatedServer", hostname, id: id)
        }
    }

    func applyByodOrders(_ orders: [ScenarioNode]) throws {
        try ScenarioReport.requireUnique(orders, key: "hostname")
        let input = ByodOrderInput(catalog: catalog)
        for order in orders {
            try order.allowOnly(["parts", "template", "hostname", "ipCount", "state"])
            // Optional on the route, required here: it is the key that finds the order again.
            let hostname = try order.string("hostname", required: true)!
            if let number = try DedicatedDelivery.byodOrder(hostname: hostname, in: context) {
                report.kept("byodOrder", hostname, id: number)
                continue
            }
            let state = try order.choice("state", OrderState.self, default: .delivered)
            let number = try order.applying {
                let request = try input.request(body: order.fields(["parts", "template", "hostname", "ipCount"]))
                return try ByodOrder.place(request, in: context)
            }
            if state == .delivered { try DedicatedDelivery.deliver(byodOrder: number, in: context) }
            report.created("byodOrder", hostname, id: number)
        }
    }
}
