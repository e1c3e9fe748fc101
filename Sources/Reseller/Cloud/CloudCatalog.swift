import SandboxCore

/// A reseller cloud location, as `GET /datacenter/location` lists it.
public struct Location: Decodable, Sendable {
    public let id: Int
    public let name: String
    public let country: String
    public let iso: String
    public let note: String
}

/// An ISO image a VM can boot from (`isos.json`).
public struct ISOImage: Decodable, Sendable {
    public let id: String
    public let name: String
}

/// An installable software package (`software.json`).
public struct SoftwarePackage: Decodable, Sendable {
    public let package: String
    public let name: String
    public let version: String
    public let description: String
}

/// The cloud catalogues from `seed-data/`: VM templates, locations, ISOs, software
/// packages and incident types.
public struct CloudCatalog: Sendable {
    public let templates: [String]
    public let locations: [Location]
    public let isos: [ISOImage]
    public let software: [SoftwarePackage]
    /// Names that seeded incidents draw their `types` from.
    public let incidentTypes: [String]

    /// Where a VM ordered without `location` is placed: location 1, else the first listed.
    public var defaultLocationId: Int { locations.contains { $0.id == 1 } ? 1 : locations[0].id }

    public init(seeds: SeedDirectory) throws {
        struct Templates: Decodable { let templates: [String] }
        struct Locations: Decodable { let locations: [Location] }
        struct ISOs: Decodable { let isos: [ISOImage] }
        struct Software: Decodable { let software: [SoftwarePackage] }
        struct Incidents: Decodable { let incidentTypes: [String] }
        templates = try seeds.load("templates.json", as: Templates.self).templates
        locations = try seeds.load("locations.json", as: Locations.self).locations
        isos = try seeds.load("isos.json", as: ISOs.self).isos
        software = try seeds.load("software.json", as: Software.self).software
        incidentTypes = try seeds.load("incidents.json", as: Incidents.self).incidentTypes
        if templates.isEmpty {
            throw SeedDataError(file: "templates.json", field: "templates", reason: "must list at least one template")
        }
        if locations.isEmpty {
            throw SeedDataError(file: "locations.json", field: "locations", reason: "must list at least one location")
        }
    }
}
