import APIKit
import HTTP1
import SandboxCore

/// Fault rules as the control plane lists them.
enum FaultPresenter {
    static let rule = Presenter<FaultRule>.object(
        "SandboxFaultRule",
        [
            .int("id", .id) { $0.id },
            PresentedProperty("scope", .choice(["global", "tenant"])) { $0.token == nil ? "global" : "tenant" },
            PresentedProperty("method", .choice(FaultInput.methods.map(\.rawValue) + ["*"])) { .string($0.method?.rawValue ?? "*") },
            .string("path") { $0.path.description },
            PresentedProperty("api", Schema.choice(["reseller", "vpsorg"]).orNull) { .string($0.api) },
            PresentedProperty("status", Schema.integer(minimum: 100, maximum: 599).orNull) { $0.status.map { .int(Int64($0.code)) } ?? .null },
            PresentedProperty("body", Schema.any.described("The answer's body; null: the API's own error body")) { $0.body ?? .null },
            .int("delayMs", .integer(minimum: 0, maximum: Int64(FaultInput.maximumDelayMs))) { $0.delayMs },
            PresentedProperty("drop", Schema.choice(["reset", "empty"]).orNull) { rule in
                rule.drop.map { $0 == .reset ? "reset" : "empty" } ?? .null
            },
            PresentedProperty("probability", .number(minimum: 0, maximum: 1)) { .double($0.probability) },
            PresentedProperty("times", Schema.integer(minimum: 0).orNull.described("Hits left; null: unlimited")) {
                $0.remaining.map { .int(Int64($0)) } ?? .null
            },
            PresentedProperty("retryAfterSeconds", Schema.integer(minimum: 0, maximum: 86_400).orNull) {
                $0.retryAfterSeconds.map { .int(Int64($0)) } ?? .null
            },
            .int("hits", .integer(minimum: 0)) { $0.hits },
        ])

    static let list = Presenter<[FaultRule]>.object([.nested("faults", rule.list) { $0 }])
}
