import APIKit
import HTTP1
import SandboxCore

enum HealthRoutes {
    static func routes(runtime: SandboxRuntime, version: String, faults: FaultRules, journal: RequestJournal) -> [APIRoute] {
        [
            APIRoute(.GET, "/health", "Liveness and version", .memory { _, _ in
                .json([
                    "status": "ok", "version": .string(version),
                    "uptimeSeconds": .int((realTimeMillis() - runtime.startedAt) / 1000),
                ])
            }),
            APIRoute(.POST, "/reset", "Reset the token's tenant (its faults and journal too), or everything with ?all=true", .long { request, _ in
                if request.wantsAll {
                    try runtime.resetAll()
                    faults.removeAll(token: nil, all: true)
                    journal.clear { _ in true }
                    return .json(["reset": "all"])
                }
                let token = try request.requiredToken()
                try runtime.resetTenant(token: token)
                faults.removeAll(token: token, all: false)
                journal.clear { $0.token == token }
                return .json(["reset": "tenant"])
            }),
        ]
    }
}
