import APIKit
import Scenarios

/// What `POST /scenarios` answers: per tenant, whether it was created and the objects the
/// scenario created or kept.
enum ScenarioPresenter {
    static let object = Presenter<ScenarioObject>.object(
        "SandboxScenarioObject",
        [
            PresentedProperty("type", .choice(ScenarioObject.types)) { .string($0.type) },
            .string("name", Schema.text.described("The object's key: a hostname, a VPS.org server's name, a domain name or a DNS zone's domain")) { $0.name },
            .int("id", .id) { $0.id },
        ])

    static let tenant = Presenter<ScenarioTenantOutcome>.object(
        "SandboxScenarioTenant",
        [
            .string("token") { $0.token },
            PresentedProperty("tenant", .choice(["created", "existing"])) { .string($0.createdTenant ? "created" : "existing") },
            .nested("created", object.list) { $0.created },
            .nested("kept", object.list) { $0.kept },
        ])

    static let outcome = Presenter<[ScenarioTenantOutcome]>.object([.nested("tenants", tenant.list) { $0 }])
}
