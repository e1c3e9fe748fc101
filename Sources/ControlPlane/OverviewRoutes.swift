import APIKit
import HTTP1
import SandboxCore
import StructuredData

/// `GET /_sandbox/overview`: what the dashboard shows, in one read: each tenant with its
/// clock, servers of every API, jobs with progress, next timers and fault rules.
enum OverviewRoutes {
    static func routes(runtime: SandboxRuntime, faults: FaultRules) -> [APIRoute] {
        [
            APIRoute(.GET, "/overview", "Every tenant (?all=true) or the token's: clock, servers, jobs with progress, timers, faults", .admin { request, _ in
                let token = request.wantsAll ? nil : try request.requiredToken()
                // Read first: an event committed while the tenants are read is delivered again, not lost.
                let lastEvent = try runtime.lastEventId()
                let tenants = try runtime.overview(token: token).map { render($0, faults: faults) }
                var body: JSONObject = [
                    "now": .string(Timestamp.iso8601(realTimeMillis())), "lastEvent": .int(lastEvent),
                    "tenants": .array(tenants),
                ]
                if token == nil {
                    body["globalFaults"] = .array(faults.list(token: nil, all: true).filter { $0.token == nil }.map(FaultRoutes.render))
                }
                return .json(.object(body))
            }),
        ]
    }

    static func render(_ overview: SandboxRuntime.TenantOverview, faults: FaultRules) -> JSONValue {
        var object = TenantRoutes.render(overview.tenant).objectValue ?? [:]
        let now = overview.tenant.now
        object["label"] = .string(TenantLabel.of(overview.tenant.token))
        object["servers"] = .array(overview.resources.map(render))
        object["jobs"] = .array(overview.jobs.map { JobControlRoutes.render($0, now: now) })
        object["timers"] = .array(overview.timers.map(JobControlRoutes.render))
        object["faults"] = .array(faults.list(token: overview.tenant.token, all: false).map(FaultRoutes.render))
        return .object(object)
    }

    static func render(_ item: InventoryItem) -> JSONValue {
        [
            "api": .string(item.api), "resourceType": .string(item.resourceType), "id": .int(item.id),
            "name": .string(item.name), "state": .string(item.state), "ips": .array(item.ips.map { .string($0) }),
            "detail": .string(item.detail),
        ]
    }
}
