/// A VPS.org data centre: the documented API names it by `code` (`us-west`), the clients by `id`.
public struct DatacenterLocation: Decodable, Sendable {
    public let id: Int
    public let code: String
    public let name: String
    public let countryName: String
    /// ISO 3166-1 alpha-2.
    public let countryCode: String
    /// An inactive location is listed but takes no new servers from the clients' dialect.
    public let isActive: Bool
}
