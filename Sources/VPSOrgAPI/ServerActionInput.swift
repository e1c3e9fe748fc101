import APIKit
import StructuredData
import VPSOrg

/// The clients' server actions' inputs (`vps_mcp/server.py`'s `server_power` and `resize_server`).
enum ServerActionInput {
    static let action = Field<PowerAction>(
        "action", schema: .choice(PowerAction.allCases.map(\.rawValue)), kind: .choice, presence: .required,
        rule: "action must be one of \(PowerAction.allCases.map(\.rawValue).joined(separator: ", "))"
    ) { value in
        guard let text = LenientValue.string(value) else { return .wrongType }
        return PowerAction(rawValue: text).map { .value($0) } ?? .refused("\"\(text)\" is not a valid choice.")
    }.documented("The power action", example: "restart")

    static let power = InputDeclaration(.django, [AnyField(action)])

    /// `POST /servers/{id}/resize/ {plan}`: a plan uuid of the catalogue.
    struct Resize: Sendable {
        let plan: Field<Plan>
        let declaration: InputDeclaration

        init(_ catalog: VPSOrgCatalog) {
            plan = RelatedField.uuid("plan", rule: "plan must be the uuid of a plan from GET /api/v1/plans/") {
                catalog.plan(uuid: $0)
            }.documented("The new plan's uuid (GET /api/v1/plans/)", example: .string(catalog.plans[0].uuid))
            declaration = InputDeclaration(.django, [AnyField(plan)])
        }
    }

    static let list = PageInput.declaration
}
