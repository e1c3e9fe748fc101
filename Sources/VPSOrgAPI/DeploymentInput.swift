import APIKit
import VPSOrg

/// The deployment list's filters and DRF's page parameters.
enum DeploymentInput {
    static let config = Field<String>.string("config", .optional, trimmed: true).inQuery
        .documented("Only deployments of the deploy config with this uuid")

    static let status = Field<DeploymentStatus>(
        "status", in: .query, schema: .choice(DeploymentStatus.allCases.map(\.rawValue)), kind: .choice, presence: .optional,
        rule: "status must be one of \(DeploymentStatus.allCases.map(\.rawValue).joined(separator: ", "))"
    ) { value in
        guard let text = LenientValue.string(value) else { return .wrongType }
        return DeploymentStatus(rawValue: text).map { .value($0) }
            ?? .refused("Select a valid choice. \(text) is not one of the available choices.")
    }

    static let list = InputDeclaration(
        .django, [AnyField(config), AnyField(status), AnyField(PageInput.page), AnyField(PageInput.pageSize)])
}
