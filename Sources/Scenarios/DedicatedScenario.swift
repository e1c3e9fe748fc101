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
            guard let offerId = server.object["offer"]?.intValue else {
                throw server.refusal("offer", "is required: the id of an offer on GET /datacenter/dedicated/market")
            }
            guard let offer = catalog.offer(Int(offerId)) else {
                throw server.refusal("offer", "must be the id of an offer on GET /datacenter/dedicated/market; \(offerId) is not")
            }
            let order = DedicatedMarket.Order(offer: offer, template: try template(server), hostname: try self.hostname(server))
            let id = try server.applying(renamed: ["id": "offer"]) { try DedicatedMarket.order(order, in: context) }
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
            let sent = try parts.object.entries.map { entry -> (kind: String?, id: Int) in
                guard let id = entry.value.intValue else { throw parts.refusal(entry.key, "must be a part id (an integer)") }
                return (entry.key, Int(id))
            }
            let ipCount = try order.number("ipCount").map { value -> Int in
                guard value.rounded() == value, let count = Int(exactly: value), ByodOrder.ipCounts.contains(count) else {
                    throw order.refusal(
                        "ipCount", "must be an integer between \(ByodOrder.ipCounts.lowerBound) and \(ByodOrder.ipCounts.upperBound)")
                }
                return count
            }
            let chosen = try order.applying { try ByodParts(catalog.parts(sent: sent)) }
            let request = ByodOrder.Request(
                parts: chosen, template: try template(order), hostname: try self.hostname(order), ipCount: ipCount)
            let number = try order.applying { try ByodOrder.place(request, in: context) }
            if state == .delivered { try DedicatedDelivery.deliver(byodOrder: number, in: context) }
            report.created("byodOrder", hostname, id: number)
        }
    }

    /// `template`: required, one of the dedicated templates, as the order routes read it.
    private func template(_ node: ScenarioNode) throws -> DedicatedTemplate {
        let rule = "one of GET /datacenter/dedicated/templates"
        guard let name = try node.string("template") else { throw node.refusal("template", "is required: \(rule)") }
        guard let template = catalog.template(named: name) else { throw node.refusal("template", "must be \(rule); \"\(name)\" is not") }
        return template
    }

    /// `hostname`: required here (it names the object), under the dedicated hostname rule.
    private func hostname(_ node: ScenarioNode) throws -> String {
        let hostname = try node.string("hostname", required: true)!
        guard HostnameRule.dedicatedServer.accepts(hostname) else {
            throw node.refusal("hostname", HostnameRule.dedicatedServer.message("hostname"))
        }
        return hostname
    }
}
