import APIKit
import SandboxCore

/// A tenant as the control plane lists it: token, balance, permissions and clock.
enum TenantPresenter {
    typealias Summary = SandboxRuntime.TenantSummary

    /// The summary's properties, for any value that holds a summary (the overview's tenants).
    static func properties<Subject>(_ summary: @escaping @Sendable (Subject) -> Summary) -> [PresentedProperty<Subject>] {
        [
            .string("token") { summary($0).token },
            PresentedProperty("balance", Schema.number(minimum: 0).described("EUR")) { .double(summary($0).balance) },
            PresentedProperty("permissions", .array(.text)) { .array(summary($0).permissions.map { .string($0) }) },
            .nested("clock", ClockPresenter.state) { subject in
                let tenant = summary(subject)
                return (tenant.clockMode, tenant.now, tenant.scale)
            },
        ]
    }

    static let tenant = Presenter<Summary>.object("SandboxTenant", properties { $0 })

    static let list = Presenter<[Summary]>.object([.nested("tenants", tenant.list) { $0 }])
}
