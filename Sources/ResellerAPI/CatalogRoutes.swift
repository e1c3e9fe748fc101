import APIKit
import HTTP1
import Reseller
import StructuredData

/// Catalogue answers, encoded once at start-up: they are the same for every tenant.
enum CatalogRoutes {
    static func routes(model: ResellerModel) -> [APIRoute] {
        let templates = JSONWriter.bytes(["result": .array(model.cloud.templates.map { .string($0) })])
        let locations = JSONWriter.bytes([
            "result": .array(
                model.cloud.locations.map { location in
                    [
                        "id": .int(location.id), "name": .string(location.name), "country": .string(location.country),
                        "iso": .string(location.iso), "note": .string(location.note),
                    ]
                })
        ])
        return [
            .tenant(.GET, "/datacenter/templates", "List VM templates") { _ in .json(bytes: templates) },
            .tenant(.GET, "/datacenter/location", "List locations") { _ in .json(bytes: locations) },
        ]
    }
}
