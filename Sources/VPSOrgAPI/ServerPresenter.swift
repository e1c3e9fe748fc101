import APIKit
import SandboxCore
import StructuredData
import VPSOrg

/// The server shapes: the document's keys first, key for key in its order (the list item, the
/// create answer, the detail also answered by PUT/PATCH, the short form inside power-action
/// answers), then the keys VPS.org's own clients read (`uuid`, `ipv4_addresses`, `location_name`, ...).
/// Built with the catalogue, which names a server's location.
struct ServerPresenter: Sendable {
    static let status = Schema.named("VPSOrgServerStatus", .choice(ServerStatus.allCases.map(\.rawValue)))

    private static let planProperties: [PresentedProperty<Plan>] = [
        .int("id", .id) { $0.id }, .string("name") { $0.name }, .int("vcpus", .integer(minimum: 1)) { $0.vcpus },
        .int("memory", .integer(minimum: 1).described("MB")) { $0.memory },
        .int("storage", .integer(minimum: 1).described("GB")) { $0.storage },
    ]

    private static let plan = Presenter<Plan>.object("VPSOrgPlan", planProperties)

    /// The detail's plan also shows the monthly bandwidth, and the figures the clients print.
    private static let planDetail = Presenter<Plan>.object(
        "VPSOrgPlanDetail",
        planProperties + [.int("bandwidth", .integer(minimum: 0).described("GB per month")) { $0.bandwidth }]
            + PlanPresenter.clientFigures)

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
    private static let ipv6Address = PresentedProperty<VPSServer>("ipv6_address", Schema.ipv6.orNull) { .string($0.ipv6Address) }
    private static let location = PresentedProperty<VPSServer>.string("location") { $0.location }
    private static let system = PresentedProperty<VPSServer>.nested("os", operatingSystem) { $0.operatingSystem }
    private static let backups = PresentedProperty<VPSServer>.bool("backups_enabled") { $0.backupsEnabled }
    private static let createdAt = PresentedProperty<VPSServer>.string("created_at", .dateTime) { Timestamp.iso8601($0.createdAt) }
    private static let updatedAt = PresentedProperty<VPSServer>.string("updated_at", .dateTime) { Timestamp.iso8601($0.updatedAt) }

    let listItem: Presenter<VPSServer>
    let created: Presenter<VPSServer>
    let detail: Presenter<ServerDetail>
    let page: Presenter<Page<VPSServer>>

    init(_ catalog: VPSOrgCatalog) {
        let clients = Self.clientProperties(catalog)
        listItem = .object(
            "VPSOrgServerSummary",
            [Self.id, Self.name, Self.hostname, Self.state, Self.address, Self.location, .nested("plan", Self.plan) { $0.plan },
             Self.system, Self.createdAt, Self.updatedAt] + clients)
        created = .object(
            "VPSOrgServerCreated",
            [
                Self.id, Self.name, Self.hostname, Self.state, Self.address, Self.location, .nested("plan", Self.plan) { $0.plan },
                Self.system, Self.backups, Self.createdAt, Self.updatedAt,
                .string("message") { _ in "Server is being provisioned. This may take 2-5 minutes." },
            ] + clients + [
                .string("password", Schema.text.described("The root password, shown this once")) { $0.rootPassword },
            ])
        let server = { (property: PresentedProperty<VPSServer>) in property.of { (detail: ServerDetail) in detail.server } }
        detail = .object(
            "VPSOrgServer",
            [
                server(Self.id), server(Self.name), server(Self.hostname), server(Self.state), server(Self.address),
                server(Self.ipv6Address), server(Self.location), .nested("plan", Self.planDetail) { $0.server.plan },
                server(Self.system), server(Self.backups), .nested("resource_usage", Self.usage) { $0.usage },
                server(Self.createdAt), server(Self.updatedAt),
            ] + clients.map(server) + [
                .nested("ssh_keys", SSHKeyPresenter.installed.list) { $0.sshKeys },
                .nested("actions", ServerActionPresenter.item.list) { $0.actions },
            ])
        page = PagePresenter.page("VPSOrgServerPage", listItem)
    }

    /// What the clients read beside the document's keys (`vps_mcp/client.py`'s `format_server`,
    /// `vps_cli/cli.py`'s `link` and `ssh`).
    private static func clientProperties(_ catalog: VPSOrgCatalog) -> [PresentedProperty<VPSServer>] {
        [
            .string("uuid", .string(format: "uuid")) { $0.uuid },
            PresentedProperty("ipv4_addresses", .array(.ipv4)) { .array([$0.ipAddress].compactMap { $0 }.map { .string($0) }) },
            PresentedProperty("ipv6_addresses", .array(.ipv6)) { .array([$0.ipv6Address].compactMap { $0 }.map { .string($0) }) },
            .string("location_name") { catalog.location($0.location)?.name ?? $0.location },
            .string("plan_name") { $0.plan.name },
            .string("os_name") { $0.operatingSystem.name },
            .bool("deployed") { $0.isDeployed },
            .string("username", .constant("root")) { _ in "root" },
        ]
    }

    /// `{"status": "success", "message": …, "server": {id, name, status}}`.
    static let action = Presenter<(server: VPSServer, message: String)>.object(
        "VPSOrgPowerAction",
        [
            PresentedProperty("status", .constant("success")) { _ in "success" },
            .string("message") { $0.message },
            .nested("server", Presenter<VPSServer>.object("VPSOrgServerState", [id, name, state])) { $0.server },
        ])
}

/// A server with the usage its metrics show at the tenant's `now`, the SSH keys it was
/// created with, and its actions in progress.
struct ServerDetail {
    let server: VPSServer
    let usage: ResourceUsage
    let sshKeys: [InstalledSSHKey]
    let actions: [ServerAction]
}
