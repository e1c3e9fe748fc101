import APIKit
import HTTP1
import SandboxCore
import StructuredData

enum TenantRoutes {
    static func routes(runtime: SandboxRuntime) -> [APIRoute] {
        [
            APIRoute(.POST, "/tenants", "Create or update a tenant", .admin { request, _ in
                let fields = try request.fields()
                let token = try fields.requiredString("token")
                // A token no client could send in an Authorization header is refused.
                guard Tenant.isSendable(token: token) else {
                    throw DomainError.invalid("token", "token must be at most 512 characters without spaces or control characters")
                }
                let balance = try fields.double("balance")
                if let balance, !(balance >= 0 && balance <= 1e12) {
                    throw DomainError.invalid("balance", "balance must be a number from 0 to 1000000000000")
                }
                var permissions: [String]?
                if let value = fields.object["permissions"], value != .null {
                    guard let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
                        throw DomainError.invalid("permissions", "permissions must be an array of strings")
                    }
                    permissions = items.compactMap(\.stringValue)
                }
                return .json(render(try runtime.upsertTenant(token: token, balance: balance, permissions: permissions)))
            }),
            APIRoute(.GET, "/tenants", "List tenants (?all=true)", .admin { request, _ in
                let tenants = try runtime.tenants().filter { request.wantsAll || $0.token == request.bearerToken }
                return .json(["tenants": .array(tenants.map(render))])
            }),
        ]
    }

    static func render(_ tenant: SandboxRuntime.TenantSummary) -> JSONValue {
        [
            "token": .string(tenant.token), "balance": .double(tenant.balance),
            "permissions": .array(tenant.permissions.map { .string($0) }),
            "clock": ["mode": .string(tenant.clockMode.rawValue), "now": .string(Timestamp.iso8601(tenant.now)), "scale": .double(tenant.scale)],
        ]
    }
}
