import APIKit
import HTTP1
import SandboxCore

/// `/_sandbox/faults`: add, list and remove fault rules (per tenant, or global with ?all=true).
enum FaultRoutes {
    static func routes(faults: FaultRules) -> [APIRoute] {
        [
            .memory(
                .POST, "/faults", "Add a fault rule for the tenant (global with ?all=true)", input: FaultInput.rule,
                answer: .json(FaultPresenter.rule, status: .created, "The rule, added")
                    .linking([AnswerLink("RemoveFault", .DELETE, "/_sandbox/faults/{id:int}", [("id", "$response.body#/id")])])
            ) { request, _, input in
                let specification = try FaultInput.specification(input, token: try ControlScope.token(request, input))
                return faults.add(specification)
            },
            .memory(
                .GET, "/faults", "List the tenant's fault rules (all with ?all=true)", input: ControlScope.input,
                answer: .json(FaultPresenter.list)
            ) { request, _, input in
                let token = try ControlScope.token(request, input)
                return faults.list(token: token, all: token == nil)
            },
            .memory(
                .DELETE, "/faults", "Remove the tenant's fault rules (all with ?all=true)", input: ControlScope.input,
                answer: .json(RemovalPresenter.removed)
            ) { request, _, input in
                let token = try ControlScope.token(request, input)
                return faults.removeAll(token: token, all: token == nil)
            },
            .memory(
                .DELETE, "/faults/{id:int}", "Remove one fault rule", input: ControlScope.input, answer: .json(RemovalPresenter.removed)
            ) { request, parameters, input in
                let token = try ControlScope.token(request, input)
                let id = parameters.int("id")
                guard faults.remove(id: id, token: token, all: token == nil) else {
                    throw DomainError.notFound("Fault rule \(id) not found.")
                }
                return 1
            },
        ]
    }
}
