import APIKit
import SandboxCore
import StructuredData
import VPSOrg

/// The document's server shapes, key for key: the list item, the create answer, the detail
/// (also answered by PUT/PATCH) and the short form inside power-action answers.
enum ServerPresenter {
    static let status = Schema.named("VPSOrgServerStatus", .choice(ServerStatus.allCases.map(\.rawValue)))

    private static let planProperties: [PresentedProperty<Plan>] = [
        .int("id", .id) { $0.id }, .string("name") { $0.name }, .int("vcpus", .integer(minimum: 1)) { $0.vcpus },
        .int("memory", .integer(minimum: 1).described("MB")) { $0.memory },
        .int("storage", .integer(minimum: 1).described("GB")) { $0.storage },
    ]

    private static let plan = Presenter<Plan>.object("VPSOrgPlan", planProperties)

    /// The detail's plan also shows the monthly bandwidth.
    private static let planWithBandwidth = Presenter<Plan>.object(
        "VPSOrgPlanDetail", planProperties + [.int("bandwidth", .integer(minimum: 0).described("GB per month")) { $0.bandwidth }])

    private static let operatingSystem = Presenter<OperatingSystem>.object(
        "VPSOrgOperatingSystem", [.int("id", .id) { $0.id }, .string("name") { $0.name }])

    private static let usage = Presenter<ResourceUsage>.object(
        "VPSOrgResourceUsage",
        [
            PresentedProperty("cpu_percent", .number(minimum: 0, maximum: 100)) { .double($0.cpuPercent) },
            .int("memory_used", .integer(minimum: 0).described("MB")) { $0.memoryUsed },
            .int("disk_used", .integer(minimum: 0).described("GB")) { $0.diskUsed },
            .int("bandwidth_used", .integer(minimum: 0).described("GB this month")) { $0.bandwidthUsed },
        ])

    private static let id = PresentedProperty<VPSServer>.int("id", .id) { $0.id }
    private static let name = PresentedProperty<VPSServer>.string("name") { $0.name }
    private static let hostname = PresentedProperty<VPSServer>.string("hostname") { $0.hostname }
    private static let state = PresentedProperty<VPSServer>("status", status) { .string($0.status.rawValue) }
    /// Null until provisioning has assigned the addresses.
    private static let address = PresentedProperty<VPSServer>("ip_address", Schema.ipv4.orNull) { .string($0.ipAddress) }
    private static let location = PresentedProperty<VPSServer>.string("location") { $0.location }
    private static let system = PresentedProperty<VPSServer>.nested("os", operatingSystem) { $0.operatingSystem }
    private static let backups = PresentedProperty<VPSServer>.bool("backups_enabled") { $0.backupsEnabled }
    private static let createdAt = PresentedProperty<VPSServer>.string("created_at", .dateTime) { Timestamp.iso8601($0.createdAt) }
    private static let updatedAt = PresentedProperty<VPSServer>.string("updated_at", .dateTime) { Timestamp.iso8601($0.updatedAt) }

    static let listItem = Presenter<VPSServer>.object(
        "VPSOrgServerSummary",
        [id, name, hostname, state, address, location, .nested("plan", plan) { $0.plan }, system, createdAt, updatedAt])

    static let created = Presenter<VPSServer>.object(
        "VPSOrgServerCreated",
        [
            id, name, hostname, state, address, location, .nested("plan", plan) { $0.plan }, system, backups, createdAt, updatedAt,
            .string("message") { _ in "Server is being provisioned. This may take 2-5 minutes." },
        ])

    /// The detail with the usage the metrics show at the tenant's `now`.
    static let detail = Presenter<(server: VPSServer, usage: ResourceUsage)>.object(
        "VPSOrgServer",
        [
            .int("id", .id) { $0.server.id }, .string("name") { $0.server.name },
            .string("hostname") { $0.server.hostname },
            PresentedProperty("status", status) { .string($0.server.status.rawValue) },
            PresentedProperty("ip_address", Schema.ipv4.orNull) { .string($0.server.ipAddress) },
            PresentedProperty("ipv6_address", Schema.ipv6.orNull) { .string($0.server.ipv6Address) },
            .string("location") { $0.server.location }, .nested("plan", planWithBandwidth) { $0.server.plan },
            .nested("os", operatingSystem) { $0.server.operatingSystem },
            .bool("backups_enabled") { $0.server.backupsEnabled }, .nested("resource_usage", usage) { $0.usage },
            .string("created_at", .dateTime) { Timestamp.iso8601($0.server.createdAt) },
            .string("updated_at", .dateTime) { Timestamp.iso8601($0.server.updatedAt) },
        ])

    /// `{"status": "success", "message": …, "server": {id, name, status}}`.
    static let action = Presenter<(server: VPSServer, message: String)>.object(
        "VPSOrgPowerAction",
        [
            PresentedProperty("status", .constant("success")) { _ in "success" },
            .string("message") { $0.message },
            .nested("server", Presenter<VPSServer>.object("VPSOrgServerState", [id, name, state])) { $0.server },
        ])

    static let page = PagePresenter.page("VPSOrgServerPage", listItem)
}
