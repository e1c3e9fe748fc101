import APIKit
import SandboxCore

/// What `GET /overview` answers: the dashboard's one read.
enum OverviewPresenter {
    static let server = Presenter<InventoryItem>.object(
        "SandboxServer",
        [
            PresentedProperty("api", .choice(["reseller", "vpsorg"])) { .string($0.api) },
            .string("resourceType") { $0.resourceType }, .int("id", .id) { $0.id }, .string("name") { $0.name },
            .string("state") { $0.state }, PresentedProperty("ips", .array(.ipAddress)) { .array($0.ips.map { .string($0) }) },
            .string("detail", Schema.text.described("Template, size, plan or location")) { $0.detail },
        ])

    /// A tenant with what the dashboard shows of it, and its fault rules.
    typealias Tenant = (overview: SandboxRuntime.TenantOverview, faults: [FaultRule])

    static let tenant = Presenter<Tenant>.object(
        "SandboxTenantOverview",
        TenantPresenter.properties { $0.overview.tenant } + [
            .string("label", Schema.text.described("The tenant's name where several show together")) {
                TenantLabel.of($0.overview.tenant.token)
            },
            .nested("servers", server.list) { $0.overview.resources },
            .nested("jobs", JobControlPresenter.job.list) { tenant in tenant.overview.jobs.map { ($0, tenant.overview.tenant.now) } },
            .nested("timers", JobControlPresenter.timer.list) { $0.overview.timers },
            .nested("faults", FaultPresenter.rule.list) { $0.faults },
        ])

    /// `globalFaults` (rules for every tenant) comes only with `?all=true`.
    typealias Overview = (now: Int64, lastEvent: Int, tenants: [Tenant], globalFaults: [FaultRule]?)

    static let overview = Presenter<Overview>.object(
        [
            .string("now", Schema.dateTime.described("Real (wall-clock) time")) { Timestamp.iso8601($0.now) },
            .int("lastEvent", Schema.integer(minimum: 0).described("Where a live view starts its event long-poll")) { $0.lastEvent },
            .nested("tenants", tenant.list) { $0.tenants },
            .optional("globalFaults", FaultPresenter.rule.list) { $0.globalFaults },
        ])
}
