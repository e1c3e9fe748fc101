import APIKit
import HTTP1
import SandboxCore

/// `GET /_sandbox/overview`: what the dashboard shows, in one read: each tenant with its
/// clock, servers of every API, jobs with progress, next timers and fault rules.
enum OverviewRoutes {
    static func routes(runtime: SandboxRuntime, faults: FaultRules) -> [APIRoute] {
        [
            // Long work: realtime tenants are caught up first, each in its lane, which must not
            // be waited for on the database queue.
            .long(
                .GET, "/overview", "Every tenant (?all=true) or the token's: clock, servers, jobs with progress, timers, faults",
                input: ControlScope.input, answer: .json(OverviewPresenter.overview)
            ) { request, _, input in
                let token = try ControlScope.token(request, input)
                // Read first: an event committed while the tenants are read is delivered again, not lost.
                let lastEvent = try runtime.lastEventId()
                let tenants = try runtime.overview(token: token).map { overview in
                    (overview, faults.list(token: overview.tenant.token, all: false))
                }
                let global = token == nil ? faults.list(token: nil, all: true).filter { $0.token == nil } : nil
                return (realTimeMillis(), lastEvent, tenants, global)
            },
        ]
    }
}
