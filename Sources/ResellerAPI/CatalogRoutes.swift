import APIKit
import HTTP1
import Reseller

/// Catalogue answers, written once at start-up: they are the same for every tenant.
enum CatalogRoutes {
    static func routes(model: ResellerModel) -> [APIRoute] {
        [
            .tenant(
                .GET, "/datacenter/templates", "List VM templates",
                answer: ResellerAPI.result(CatalogPresenter.templates).always(model.cloud.templates)
            ) { _, _ in },
            .tenant(
                .GET, "/datacenter/location", "List locations",
                answer: ResellerAPI.result(CatalogPresenter.location.list).always(model.cloud.locations)
            ) { _, _ in },
        ]
    }
}
