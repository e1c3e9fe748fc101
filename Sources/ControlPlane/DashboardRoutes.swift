import APIKit
import HTTP1

/// `GET /_sandbox/` (and `/_sandbox/dashboard`): the live dashboard page. It is public like
/// health (it holds no data, and a browser cannot send the admin token when it opens a
/// page): everything it shows comes from routes behind the gate. Its icon is `Favicon`.
enum DashboardRoutes {
    static let publicPaths: Set<Substring> = ["/_sandbox/", "/_sandbox/dashboard"]

    /// Always the same page, with its security headers.
    static let page = Answer<Void>(AnswerDocumentation(status: .ok, description: "The dashboard page", content: .html)) { _ in
        DashboardPage.response
    }

    static func routes() -> [APIRoute] {
        [
            .memory(.GET, "/", "HTML dashboard: tenants with clocks, servers, jobs, faults; live events and requests", answer: page) { _, _, _ in },
            .memory(.GET, "/dashboard", "HTML dashboard (same page)", answer: page) { _, _, _ in },
        ]
    }
}
