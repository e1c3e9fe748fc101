import APIKit
import HTTP1
import Reseller

/// Catalogue answers, written once at start-up: they are the same for every tenant.
enum CatalogRoutes {
    static func routes(model: ResellerModel) -> [APIRoute] {
        [
            .tenant(
                .GET, "/datacenter/templates", "List VM templates",
                answer: prepared(CatalogPresenter.templates, model.cloud.templates)
            ) { _, _ in },
            .tenant(
                .GET, "/datacenter/location", "List locations",
                answer: prepared(CatalogPresenter.location.list, model.cloud.locations)
            ) { _, _ in },
        ]
    }

    /// The answer `{"result": value}`, rendered once.
    static func prepared<Value>(_ presenter: Presenter<Value>, _ value: Value) -> Answer<Void> {
        let answer = ResellerAPI.result(presenter)
        let response = answer.respond(value)
        return Answer(answer.documentation) { _ in response }
    }
}
