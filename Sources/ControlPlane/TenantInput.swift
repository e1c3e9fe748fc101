import APIKit
import SandboxCore

/// What `POST /tenants` reads.
enum TenantInput {
    /// A token no client could send in an Authorization header is refused.
    static let token = Field<String>.string(
        "token", rule: "token must be at most 512 characters without spaces or control characters",
        accepts: { Tenant.isSendable(token: $0) }
    ).documented("The tenant's Bearer token", example: "rich")

    static let balance = Field<Double>.number("balance", 0...1e12, .optional, rule: "balance must be a number from 0 to 1000000000000")
        .documented("The tenant's balance in EUR", example: 50000)

    static let permissions = Field<[String]>(
        "permissions", schema: .array(.text), kind: .array, presence: .optional, rule: "permissions must be an array of strings"
    ) { value in
        guard let items = value.arrayValue else { return .wrongType }
        let names = items.compactMap(\.stringValue)
        return names.count == items.count ? .value(names) : .wrongType
    }.documented("What the tenant may do beyond the default (outgoingMail); replaces the list", example: ["outgoingMail"])

    static let upsert = InputDeclaration(.laravel, [AnyField(token), AnyField(balance), AnyField(permissions)])
}
