import APIKit

/// `GET /health` and `POST /reset` answers.
enum HealthPresenter {
    struct Health {
        let version: String
        let uptimeSeconds: Int64
    }

    static let health = Presenter<Health>.object(
        "SandboxHealth",
        [
            PresentedProperty("status", .constant("ok")) { _ in "ok" },
            .string("version") { $0.version },
            PresentedProperty("uptimeSeconds", .integer(minimum: 0)) { .int($0.uptimeSeconds) },
        ])

    /// What a reset erased: `all` tenants or the token's `tenant`.
    static let reset = Presenter<ControlScope.Reach>.object(
        [PresentedProperty("reset", ControlScope.Reach.schema) { .string($0.rawValue) }])
}
