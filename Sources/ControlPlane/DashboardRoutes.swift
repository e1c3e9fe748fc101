import APIKit
import HTTP1

/// `GET /_sandbox/` (and `/_sandbox/dashboard`): the live dashboard page. It is public like
/// health (it holds no data, and a browser cannot send the admin token when it opens a
/// page): everything it shows comes from routes behind the gate. Its icon is `Favicon`.
enum DashboardRoutes {
    static let publicPaths: Set<Substring> = ["/_sandbox/", "/_sandbox/dashboard"]

    static func routes() -> [APIRoute] {
        let page: RouteHandler = .memory { _, _ in DashboardPage.response }
        return [
            APIRoute(.GET, "/", "HTML dashboard: tenants with clocks, servers, jobs, faults; live events and requests", page),
            APIRoute(.GET, "/dashboard", "HTML dashboard (same page)", page),
        ]
    }
}
