import APIKit
import HTTP1
import Reseller

/// Build-your-own dedicated servers: parts, ordering, order status.
enum ByodRoutes {
    static func routes(catalog: DedicatedCatalog) -> [APIRoute] {
        let order = ByodOrderInput(catalog: catalog)
        return [
            .tenant(
                .GET, "/datacenter/dedicated/market/parts", "List BYOD parts with stock", answer: ResellerAPI.result(ByodPresenter.stock)
            ) { request, _ in
                try ByodOrder.parts(catalog, in: request.context)
            },
            .tenant(
                .POST, "/datacenter/dedicated/order/byod", "Order a BYOD dedicated server", input: order.declaration,
                answer: ResellerAPI.result(Presenter.id.described("The order number for the status endpoint"))
            ) { request, input in
                try ByodOrder.place(try order.request(input), in: request.context)
            },
            .tenant(
                .GET, "/datacenter/dedicated/order/byod/status/{id:int}", "BYOD order status",
                answer: ResellerAPI.result(ByodPresenter.status)
            ) { request, _ in
                try ByodOrder.status(request.intParameter("id"), in: request.context)
            },
        ]
    }
}
