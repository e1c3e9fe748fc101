import APIKit
import HTTP1
import Reseller
import SandboxCore
import StructuredData

/// Routes of the dedicated-server endpoints (`/datacenter/dedicated...`): the market,
/// templates and the server list here; BYOD and per-server routes in their own files.
enum DedicatedRoutes {
    static func routes(model: ResellerModel) -> [APIRoute] {
        let catalog = model.dedicated
        let templates = JSONWriter.bytes(["result": .array(catalog.templates.map { .string($0) })])
        let market: [APIRoute] = [
            .tenant(.GET, "/datacenter/dedicated/market", "List dedicated market offers") { request in
                ResellerAPI.result(try DedicatedMarket.offers(catalog, in: request.context))
            },
            .tenant(.POST, "/datacenter/dedicated/order", "Order a dedicated server from the market") { request in
                let fields = try request.fields()
                var unreadable = FieldErrors()
                try DedicatedMarket.order(
                    offerId: try unreadable.reading { try fields.int("id") },
                    template: try unreadable.reading { try fields.string("template") },
                    hostname: try unreadable.reading { try fields.string("hostname") },
                    unreadable: unreadable, catalog: catalog, in: request.context)
                return ResellerAPI.result(true)
            },
            .tenant(.GET, "/datacenter/dedicated/templates", "List dedicated templates") { _ in .json(bytes: templates) },
            .tenant(.GET, "/datacenter/dedicated", "List dedicated servers") { request in
                ResellerAPI.result(try DedicatedServers.list(in: request.context))
            },
        ]
        return market + ByodRoutes.routes(catalog: catalog) + DedicatedServerRoutes.routes(catalog: catalog, consoles: model.consoles)
    }
}
