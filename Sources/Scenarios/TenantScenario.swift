import SandboxCore
import StructuredData

/// One tenant of a scenario: its balance, permissions and clock, then its objects.
struct TenantScenario {
    static let fields = [
        "token", "balance", "permissions", "clock", "vms", "dedicatedServers", "byodOrders", "vpsorgServers", "vpsorgDomains",
        "vpsorgDnsZones",
    ]

    /// The balance while the objects are made (1e12 EUR): no creation path refuses for money.
    static let allowanceCents: Int64 = 100_000_000_000_000

    let node: ScenarioNode
    let entered: SandboxRuntime.EnteredTenant
    let loader: ScenarioLoader
    var context: TenantContext { entered.context }

    func apply() throws -> ScenarioTenantOutcome {
        try node.allowOnly(Self.fields)
        let balance = try node.number("balance")
        if let balance, !(balance >= 0 && balance <= 1e12) {
            throw node.refusal("balance", "must be a number of euros from 0 to 1000000000000")
        }
        if let permissions = try node.strings("permissions") { try context.setPermissions(permissions) }
        if let clock = try node.child("clock") { try applyClock(clock) }

        // The scenario's objects are free: the balance is the scenario's, or what it was.
        let before = context.tenant.balanceCents
        try context.setBalance(cents: Self.allowanceCents)
        let report = ScenarioReport()
        try CloudScenario(context: context, catalog: loader.reseller.cloud, report: report)
            .apply(try node.children("vms"))
        let dedicated = DedicatedScenario(context: context, catalog: loader.reseller.dedicated, report: report)
        try dedicated.applyServers(try node.children("dedicatedServers"))
        try dedicated.applyByodOrders(try node.children("byodOrders"))
        try VPSOrgScenario(context: context, model: loader.vpsorg, report: report)
            .apply(try node.children("vpsorgServers"))
        let domains = VPSOrgDomainScenario(context: context, model: loader.vpsorg, report: report)
        try domains.applyDomains(try node.children("vpsorgDomains"))
        try domains.applyZones(try node.children("vpsorgDnsZones"))
        try context.setBalance(cents: balance.map { Int64(($0 * 100).rounded()) } ?? before)

        return ScenarioTenantOutcome(
            token: context.tenant.token, createdTenant: entered.created, created: report.created, kept: report.kept)
    }

    /// Mode and scale always apply. `now` sets a new tenant's clock; an existing tenant's it
    /// moves forward only, so loading the scenario again later keeps the time reached.
    private func applyClock(_ clock: ScenarioNode) throws {
        try clock.allowOnly(["mode", "scale", "now"])
        let mode = try clock.string("mode").map { text -> SandboxClock.Mode in
            guard let mode = SandboxClock.Mode(rawValue: text) else { throw clock.refusal("mode", "must be realtime or manual") }
            return mode
        }
        let scale = try clock.number("scale")
        if let scale, !(scale > 0 && scale <= 1_000_000) {
            throw clock.refusal("scale", "must be a number greater than 0 and at most 1000000")
        }
        let now = try clock.string("now").map { text -> Int64 in
            guard let millis = Timestamp.parseISO8601(text), SandboxClock.representable.contains(millis) else {
                throw clock.refusal("now", "must be an ISO-8601 time such as 2026-01-01T00:00:00Z")
            }
            return millis
        }
        try clock.applying { try context.setClock(mode: mode, scale: scale, now: now, backwards: entered.created) }
    }
}

/// What a scenario did to one tenant: the tenant created or already there, and its objects.
public struct ScenarioTenantOutcome: Sendable {
    public let token: String
    public let createdTenant: Bool
    public let created: [ScenarioObject]
    public let kept: [ScenarioObject]
}

/// An object a scenario created or kept: its type (`vm`, `dedicatedServer`, `byodOrder`,
/// `vpsorgServer`, `vpsorgDomain`, `vpsorgDnsZone`), its key within the tenant and its id.
public struct ScenarioObject: Sendable {
    public static let types = ["vm", "dedicatedServer", "byodOrder", "vpsorgServer", "vpsorgDomain", "vpsorgDnsZone"]

    public let type: String
    public let name: String
    public let id: Int
}

/// Collects what a scenario did to one tenant: objects created and objects kept (already there).
final class ScenarioReport {
    var created: [ScenarioObject] = []
    var kept: [ScenarioObject] = []

    func created(_ type: String, _ name: String, id: Int) {
        created.append(ScenarioObject(type: type, name: name, id: id))
    }

    func kept(_ type: String, _ name: String, id: Int) {
        kept.append(ScenarioObject(type: type, name: name, id: id))
    }

    /// Refuses a second object with the same key in one tenant's list.
    static func requireUnique(_ nodes: [ScenarioNode], key: String) throws {
        var seen: Set<String> = []
        for node in nodes {
            guard let name = try node.string(key, required: true) else { continue }
            guard seen.insert(name).inserted else { throw node.refusal(key, "\(name) appears twice in this list") }
        }
    }
}
