import APIKit
import HTTP1
import StructuredData

/// One page of a list of the clients' resources (deploy configs, deployments), DRF's
/// `{"count", "next", "previous", "results"}` as the servers list answers it.
struct ListPage<Item> {
    let count: Int
    let next: String?
    let previous: String?
    let results: [Item]

    init(_ results: [Item], _ page: PageRequest, request: HTTPRequest) {
        count = page.count
        next = page.page * page.size < page.count ? page.link(request, page: page.page + 1) : nil
        previous = page.page > 1 ? page.link(request, page: page.page - 1) : nil
        self.results = results
    }

    static func presenter(_ name: String, _ item: Presenter<Item>) -> Presenter<ListPage<Item>> {
        Presenter<ListPage<Item>>.object(
            name,
            [
                .int("count", .integer(minimum: 0)) { $0.count },
                PresentedProperty("next", Schema.string(format: "uri").orNull) { $0.next.map { .string($0) } ?? .null },
                PresentedProperty("previous", Schema.string(format: "uri").orNull) { $0.previous.map { .string($0) } ?? .null },
                .nested("results", item.list) { $0.results },
            ])
    }
}
