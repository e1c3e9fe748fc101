import Reseller
import SandboxCore
import StructuredData

/// A scenario's dedicated servers (ordered from the market) and BYOD orders, placed through
/// the order routes' own paths and delivered at once when the scenario says so.
struct DedicatedScenario {
    enum ServerState: String, CaseIterable { case ordered, delivered }
    enum OrderState: String, CaseIterable { case building, delivered }

    let context: TenantContext
    let catalog: DedicatedCatalog
    let report: ScenarioReport

    func applyServers(_ servers: [ScenarioNode]) throws {
        try ScenarioReport.requireUnique(servers, key: "hostname")
        for server in servers {
            try server.allowOnly(["offer", "template", "hostname", "state"])
            let hostname = try server.string("hostname", required: true)!
            if let id = try DedicatedDelivery.server(hostname: hostname, in: context) {
                report.kept("dedicatedServer", hostname, id: id)
                continue
            }
            let state = try server.choice("state", ServerState.self, default: .delivered)
            guard let offer = server.object["offer"]?.intValue else {
                throw server.refusal("offer", "is required: the id of an offer on GET /datacenter/dedicated/market")
            }
            let id = try server.applying(renamed: ["id": "offer"]) {
                try DedicatedMarket.order(
                    offerId: Int(offer), template: try server.string("template"), hostname: hostname, catalog: catalog,
                    in: context)
            }
            if state == .delivered { try DedicatedDelivery.deliver(server: id, in: context) }
            report.created("dedicatedServer", hostname, id: id)
        }
    }

    func applyByodOrders(_ orders: [ScenarioNode]) throws {
        try ScenarioReport.requireUnique(orders, key: "hostname")
        for order in orders {
            try order.allowOnly(["parts", "template", "hostname", "ipCount", "state"])
            let hostname = try order.string("hostname", required: true)!
            if let number = try DedicatedDelivery.byodOrder(hostname: hostname, in: context) {
                report.kept("byodOrder", hostname, id: number)
                continue
            }
            let state = try order.choice("state", OrderState.self, default: .delivered)
            guard let parts = try order.child("parts") else {
                throw order.refusal("parts", "is required: {\"cpu\": id, \"ram\": id, \"ssd\": id, \"hdd\": id} from GET /datacenter/dedicated/market/parts")
            }
            let chosen = try parts.object.entries.map { entry -> (kind: String?, id: Int) in
                guard let id = entry.value.intValue else { throw parts.refusal(entry.key, "must be a part id (an integer)") }
                return (entry.key, Int(id))
            }
            let ipCount = try order.number("ipCount").map { value -> Int in
                guard value.rounded() == value, let count = Int(exactly: value) else {
                    throw order.refusal("ipCount", "must be an integer")
                }
                return count
            }
            let request = ByodOrder.Request(
                parts: chosen, template: try order.string("template"), hostname: hostname, ipCount: ipCount)
            let number = try order.applying { try ByodOrder.place(request, catalog: catalog, in: context) }
            if state == .delivered { try DedicatedDelivery.deliver(byodOrder: number, in: context) }
            report.created("byodOrder", hostname, id: number)
        }
    }
}
