import APIKit
import HTTP1
import SandboxCore

enum HealthRoutes {
    static func routes(runtime: SandboxRuntime, version: String, faults: FaultRules, journal: RequestJournal) -> [APIRoute] {
        [
            .memory(.GET, "/health", "Liveness and version", answer: .json(HealthPresenter.health)) { _, _, _ in
                HealthPresenter.Health(version: version, uptimeSeconds: (realTimeMillis() - runtime.startedAt) / 1000)
            },
            .long(
                .POST, "/reset", "Reset the token's tenant (its faults and journal too), or everything with ?all=true",
                input: ControlScope.input, answer: .json(HealthPresenter.reset)
            ) { request, _, input in
                guard let token = try ControlScope.token(request, input) else {
                    try runtime.resetAll()
                    faults.removeAll(token: nil, all: true)
                    journal.clear { _ in true }
                    return .all
                }
                try runtime.resetTenant(token: token)
                faults.removeAll(token: token, all: false)
                journal.clear { $0.token == token }
                return .tenant
            },
        ]
    }
}
