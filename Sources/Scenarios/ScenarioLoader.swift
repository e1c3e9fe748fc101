import Reseller
import SandboxCore
import StructuredData
import VPSOrg

/// Applies scenario documents (see docs/scenarios.md): a world described at the level of
/// the domain (tenants, VMs, dedicated servers, VPS.org servers) and built through the
/// models' own creation paths, so every object is real: addresses, passwords, jobs, timers.
/// A document is one transaction over all its tenants, and idempotent: objects are known by
/// their hostname (VPS.org servers by name) within their tenant, and one that exists is kept
/// as it is.
public struct ScenarioLoader: Sendable {
    public static let version: Int64 = 1

    let runtime: SandboxRuntime
    let reseller: ResellerModel
    let vpsorg: VPSOrgModel

    public init(runtime: SandboxRuntime, reseller: ResellerModel, vpsorg: VPSOrgModel) {
        self.runtime = runtime
        self.reseller = reseller
        self.vpsorg = vpsorg
    }

    /// Applies `document` whole or not at all; answers what was created and kept per tenant.
    public func apply(_ document: JSONValue) throws -> [ScenarioTenantOutcome] {
        let root = try ScenarioNode(document, path: "")
        try root.allowOnly(["version", "description", "tenants"])
        guard let version = root.object["version"]?.intValue else {
            throw root.refusal("version", "is required: the scenario format version, \(Self.version)")
        }
        guard version == Self.version else {
            throw root.refusal("version", "must be \(Self.version); this sandbox does not know scenario format \(version)")
        }
        let tenants = try root.children("tenants")
        var tokens: Set<String> = []
        for tenant in tenants {
            let token = try tenant.string("token", required: true)!
            guard Tenant.isSendable(token: token) else {
                throw tenant.refusal("token", "must be at most 512 characters without spaces or control characters")
            }
            guard tokens.insert(token).inserted else { throw tenant.refusal("token", "\(token) appears twice in this scenario") }
        }
        // In the tenants' lanes: a scenario never lands in the middle of a tenant's advance.
        return try runtime.exclusively(tokens: Array(tokens)) {
            try runtime.performForTenants { enter in
                try tenants.map { node in
                    let entered = try enter(try node.string("token", required: true)!)
                    return try TenantScenario(node: node, entered: entered, loader: self).apply()
                }
            }
        }
    }
}
