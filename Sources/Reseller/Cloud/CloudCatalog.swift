import SandboxCore

/// A reseller cloud location, as `GET /datacenter/location` lists it.
public struct Location: Decodable, Sendable {
    public let id: Int
    public let name: String
    public let country: String
    public let iso: String
    public let note: String
}

/// The cloud catalogues from `seed-data/`: VM templates and locations.
public struct CloudCatalog: Sendable {
    public let templates: [String]
    public let locations: [Location]

    public init(seeds: SeedDirectory) throws {
        struct Templates: Decodable { let templates: [String] }
        struct Locations: Decodable { let locations: [Location] }
        templates = try seeds.load("templates.json", as: Templates.self).templates
        locations = try seeds.load("locations.json", as: Locations.self).locations
        if templates.isEmpty {
            throw SeedDataError(file: "templates.json", field: "templates", reason: "must list at least one template")
        }
    }
}
