import APIKit
import HTTP1
import SandboxCore

enum TenantRoutes {
    static func routes(runtime: SandboxRuntime) -> [APIRoute] {
        [
            .admin(
                .POST, "/tenants", "Create or update a tenant", input: TenantInput.upsert, answer: .json(TenantPresenter.tenant)
            ) { _, _, input in
                try runtime.upsertTenant(
                    token: try input.required(TenantInput.token), balance: input[TenantInput.balance],
                    permissions: input[TenantInput.permissions])
            },
            .admin(
                .GET, "/tenants", "List tenants (?all=true)", input: ControlScope.input, answer: .json(TenantPresenter.list)
            ) { request, _, input in
                try runtime.tenants().filter { input[ControlScope.all] == true || $0.token == request.bearerToken }
            },
        ]
    }
}
