import SandboxCore

/// A data-centre location as dedicated offers embed it (`{"id": 2, "name": "..."}`).
public struct DedicatedLocation: Decodable, Sendable {
    public let id: Int
    public let name: String
}

/// A used server on the dedicated market (`seed-data/dedicated-market.json`).
public struct DedicatedOffer: Decodable, Sendable {
    public struct Configuration: Decodable, Sendable {
        public struct CPU: Decodable, Sendable { public let type: String; public let count: String }
        public struct RAM: Decodable, Sendable { public let type: String; public let size: String }
        public struct Storage: Decodable, Sendable {
            public let type: String
            public let count: String
            public let size: String
        }
        public let cpu: CPU
        public let ram: RAM
        public let storage: Storage
        public let price: Double
        public let location: DedicatedLocation
    }

    public let id: Int
    public let model: String
    public let description: String?
    public let configuration: Configuration
    /// Sandbox-only: how long the order takes on the tenant's clock. Never shown.
    public let provisioningHours: Int

    /// The hardware the ordered server will have.
    public var hardware: DedicatedHardware {
        DedicatedHardware(
            cpuType: configuration.cpu.type, cpuCount: configuration.cpu.count, ramSize: configuration.ram.size,
            ramType: configuration.ram.type, price: configuration.price, storageSize: configuration.storage.size,
            storageType: configuration.storage.type, storageCount: configuration.storage.count,
            location: configuration.location)
    }
}

/// A part for a build-your-own (BYOD) server (`seed-data/dedicated-parts.json`).
public struct DedicatedPart: Decodable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case cpu, ram, hdd, ssd
    }

    public let id: Int
    public let name: String
    public let description: String?
    /// Stock before any tenant's reservations; 0 means out of stock.
    public let count: Int
    public let price: Double
}

/// The dedicated-server catalogues from `seed-data/`: market offers, BYOD parts, templates.
public struct DedicatedCatalog: Sendable {
    /// BYOD servers get IDs from here on, above every market offer's ID (market servers keep the offer's ID).
    public static let firstBuiltServerID = 500

    public let offers: [DedicatedOffer]
    /// Parts by kind, in the documented kind order (cpu, ram, hdd, ssd).
    public let parts: [(kind: DedicatedPart.Kind, parts: [DedicatedPart])]
    /// Served as is, duplicates included, like the document's list.
    public let templates: [String]
    private let templateSet: Set<String>

    public init(seeds: SeedDirectory) throws {
        struct Market: Decodable { let offers: [DedicatedOffer] }
        struct Parts: Decodable {
            struct ByKind: Decodable { let cpu, ram, hdd, ssd: [DedicatedPart] }
            let parts: ByKind
        }
        struct Templates: Decodable { let templates: [String] }
        offers = try seeds.load("dedicated-market.json", as: Market.self).offers
        let byKind = try seeds.load("dedicated-parts.json", as: Parts.self).parts
        parts = [(.cpu, byKind.cpu), (.ram, byKind.ram), (.hdd, byKind.hdd), (.ssd, byKind.ssd)]
        templates = try seeds.load("dedicated-templates.json", as: Templates.self).templates
        templateSet = Set(templates)
        try validate()
    }

    private func validate() throws {
        var offerIds = Set<Int>()
        for (index, offer) in offers.enumerated() {
            let field = "offers[\(index)]"
            guard offer.id > 0, offer.id < Self.firstBuiltServerID, offerIds.insert(offer.id).inserted else {
                throw SeedDataError(
                    file: "dedicated-market.json", field: "\(field).id",
                    reason: "must be unique and between 1 and \(Self.firstBuiltServerID - 1)")
            }
            guard (1...48).contains(offer.provisioningHours) else {
                throw SeedDataError(
                    file: "dedicated-market.json", field: "\(field).provisioningHours", reason: "must be 1 to 48")
            }
        }
        var partIds = Set<Int>()
        for (kind, list) in parts {
            for (index, part) in list.enumerated() {
                guard partIds.insert(part.id).inserted else {
                    throw SeedDataError(
                        file: "dedicated-parts.json", field: "parts.\(kind.rawValue)[\(index)].id",
                        reason: "must be unique across all kinds")
                }
                guard part.count >= 0, part.price >= 0 else {
                    throw SeedDataError(
                        file: "dedicated-parts.json", field: "parts.\(kind.rawValue)[\(index)]",
                        reason: "count and price must not be negative")
                }
            }
        }
        if templates.isEmpty {
            throw SeedDataError(file: "dedicated-templates.json", field: "templates", reason: "must list at least one template")
        }
    }

    public func offer(_ id: Int) -> DedicatedOffer? { offers.first { $0.id == id } }

    public func part(_ id: Int) -> (kind: DedicatedPart.Kind, part: DedicatedPart)? {
        for (kind, list) in parts {
            if let part = list.first(where: { $0.id == id }) { return (kind, part) }
        }
        return nil
    }

    /// The template called `name`, if the catalogue has it.
    public func template(named name: String) -> DedicatedTemplate? {
        templateSet.contains(name) ? DedicatedTemplate(name: name) : nil
    }

    /// The templates once each, as a closed list of names (the served list repeats some).
    public var templateNames: [String] {
        var seen = Set<String>()
        return templates.filter { seen.insert($0).inserted }
    }
}

/// A template of `GET /datacenter/dedicated/templates`. Only the catalogue makes one, so an
/// order cannot name a template that does not exist.
public struct DedicatedTemplate: Sendable, Equatable {
    public let name: String

    fileprivate init(name: String) { self.name = name }
}
