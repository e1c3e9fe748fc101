import APIKit
import HTTP1
import SandboxCore

enum HealthRoutes {
    static func routes(runtime: SandboxRuntime, version: String) -> [APIRoute] {
        [
            APIRoute(.GET, "/health", "Liveness and version", .open { _, _ in
                .json([
                    "status": "ok", "version": .string(version),
                    "uptimeSeconds": .int((realTimeMillis() - runtime.startedAt) / 1000),
                ])
            }),
            APIRoute(.POST, "/reset", "Reset the token's tenant, or everything with ?all=true", .open { request, _ in
                if request.wantsAll {
                    try runtime.resetAll()
                    return .json(["reset": "all"])
                }
                guard let token = request.bearerToken else {
                    throw DomainError(.unauthenticated, "Send a Bearer token to reset its tenant, or ?all=true to reset everything.")
                }
                try runtime.resetTenant(token: token)
                return .json(["reset": "tenant"])
            }),
        ]
    }
}
