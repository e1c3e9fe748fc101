import SandboxCore

/// A top-level domain on offer and its yearly prices (EUR).
public struct TLDPrice: Decodable, Sendable {
    public let tld: String
    public let registration: Double
    public let renewal: Double
}

/// What `seed-data/vpsorg-domains.json` says of domain registration: the registrar a domain
/// shows, the nameservers a new domain gets, and the TLDs on offer.
public struct DomainRegistry: Decodable, Sendable {
    public let registrar: String
    public let nameservers: [String]
    public let tlds: [TLDPrice]

    static let file = "vpsorg-domains.json"

    public init(seeds: SeedDirectory) throws {
        struct File: Decodable { let registry: DomainRegistry }
        self = try seeds.load(Self.file, as: File.self).registry
        if tlds.isEmpty { throw SeedDataError(file: Self.file, field: "registry.tlds", reason: "must list at least one TLD") }
        for (index, price) in tlds.enumerated() where !Self.isTLD(price.tld) || price.registration < 0 || price.renewal < 0 {
            throw SeedDataError(
                file: Self.file, field: "registry.tlds[\(index)]", reason: "must be a TLD such as com or co.uk with prices of 0 or more")
        }
        guard (2...4).contains(nameservers.count), nameservers.allSatisfy(HostnameRule.fullyQualified.accepts) else {
            throw SeedDataError(file: Self.file, field: "registry.nameservers", reason: "must be 2 to 4 fully qualified host names")
        }
    }

    /// The TLD `name` is registered under: the longest listed suffix (`co.uk` before `uk`).
    func price(of name: String) -> TLDPrice? {
        tlds.filter { name.hasSuffix("." + $0.tld) }.max { $0.tld.count < $1.tld.count }
    }

    private static func isTLD(_ text: String) -> Bool {
        HostnameRule.dedicatedServer.accepts(text) && text == text.lowercased() && !text.hasSuffix(".")
    }

    var offered: String { tlds.map { "." + $0.tld }.joined(separator: ", ") }
}
