import APIKit
import Reseller

/// The VM templates and locations, as `GET /datacenter/templates` and `/datacenter/location` list them.
enum CatalogPresenter {
    static let templates = Presenter<String>.string.list

    static let location = Presenter<Location>.object(
        "Location",
        [
            .int("id", .id) { $0.id }, .string("name") { $0.name }, .string("country") { $0.country },
            .string("iso", .string(pattern: "^[A-Z]{2}$")) { $0.iso }, .string("note") { $0.note },
        ])
}
