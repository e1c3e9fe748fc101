/// One resource of a tenant's world as the dashboard lists it: what it is, what it is
/// called, its state and addresses. Each module describes its own resources.
public struct InventoryItem: Sendable {
    /// The emulated API that owns it (`reseller`, `vpsorg`).
    public let api: String
    /// The resource type events use (`virtual_server`, ...).
    public let resourceType: String
    public let id: Int
    public let name: String
    public let state: String
    public let ips: [String]
    /// A short line of specifics (template, size, plan, location).
    public let detail: String

    public init(api: String, resourceType: String, id: Int, name: String, state: String, ips: [String], detail: String) {
        self.api = api
        self.resourceType = resourceType
        self.id = id
        self.name = name
        self.state = state
        self.ips = ips
        self.detail = detail
    }
}

extension SandboxModule {
    /// A module without resources to show lists none.
    public func inventory(in context: TenantContext) throws -> [InventoryItem] { [] }
}
