import APIKit
import StructuredData

/// One page of a list, its links already built.
struct Page<Item> {
    let count: Int
    let next: String?
    let previous: String?
    let results: [Item]
}

/// DRF's page: `{"count", "next", "previous", "results"}`.
enum PagePresenter {
    static func page<Item>(_ name: String, _ item: Presenter<Item>) -> Presenter<Page<Item>> {
        .object(
            name,
            [
                .int("count", .integer(minimum: 0)) { $0.count },
                PresentedProperty("next", Schema.string(format: "uri").orNull) { $0.next.map { .string($0) } ?? .null },
                PresentedProperty("previous", Schema.string(format: "uri").orNull) { $0.previous.map { .string($0) } ?? .null },
                .nested("results", item.list) { $0.results },
            ])
    }
}
