import APIKit
import HTTP1
import Reseller

/// Routes of the dedicated-server endpoints (`/datacenter/dedicated...`): the market,
/// templates and the server list here; BYOD and per-server routes in their own files.
enum DedicatedRoutes {
    static func routes(model: ResellerModel) -> [APIRoute] {
        let catalog = model.dedicated
        let order = DedicatedOrderInput(catalog: catalog)
        let templates = catalog.templates
        let market: [APIRoute] = [
            .tenant(
                .GET, "/datacenter/dedicated/market", "List dedicated market offers",
                answer: ResellerAPI.result(DedicatedPresenter.offer.list)
            ) { request, _ in
                try DedicatedMarket.offers(catalog, in: request.context)
            },
            .tenant(
                .POST, "/datacenter/dedicated/order", "Order a dedicated server from the market", input: order.declaration,
                answer: ResellerAPI.result(.constant(true))
            ) { request, input in
                try DedicatedMarket.order(try order.order(input), in: request.context)
            },
            .tenant(
                .GET, "/datacenter/dedicated/templates", "List dedicated templates",
                answer: ResellerAPI.result(Presenter.string.list).always(templates)
            ) { _, _ in },
            .tenant(
                .GET, "/datacenter/dedicated", "List dedicated servers", answer: ResellerAPI.result(DedicatedPresenter.summary.list)
            ) { request, _ in
                try DedicatedServers.list(in: request.context)
            },
        ]
        return market + ByodRoutes.routes(catalog: catalog) + DedicatedServerRoutes.routes(catalog: catalog, consoles: model.consoles)
    }
}
