import APIKit
import HTTP1
import SandboxCore
import StructuredData

/// `/_sandbox/faults`: add, list and remove fault rules (per tenant, or global with ?all=true).
enum FaultRoutes {
    static let maximumDelayMs = 60_000
    static let methods: [HTTPMethod] = [.GET, .HEAD, .POST, .PUT, .PATCH, .DELETE, .OPTIONS]

    static func routes(faults: FaultRules) -> [APIRoute] {
        [
            APIRoute(.POST, "/faults", "Add a fault rule for the tenant (global with ?all=true)", .memory { request, _ in
                var spec = try specification(try request.fields())
                spec.token = request.wantsAll ? nil : try request.requiredToken()
                return .json(render(faults.add(spec)), status: .created)
            }),
            APIRoute(.GET, "/faults", "List the tenant's fault rules (all with ?all=true)", .memory { request, _ in
                let token = request.wantsAll ? nil : try request.requiredToken()
                return .json(["faults": .array(faults.list(token: token, all: request.wantsAll).map(render))])
            }),
            APIRoute(.DELETE, "/faults", "Remove the tenant's fault rules (all with ?all=true)", .memory { request, _ in
                let token = request.wantsAll ? nil : try request.requiredToken()
                return .json(["removed": .int(faults.removeAll(token: token, all: request.wantsAll))])
            }),
            APIRoute(.DELETE, "/faults/{id:int}", "Remove one fault rule", .memory { request, parameters in
                let token = request.wantsAll ? nil : try request.requiredToken()
                let id = parameters.int("id")
                guard faults.remove(id: id, token: token, all: request.wantsAll) else {
                    throw DomainError.notFound("Fault rule \(id) not found.")
                }
                return .json(["removed": 1])
            }),
        ]
    }

    /// Reads and checks every field; a rule must do something (status, drop or delay).
    static func specification(_ fields: InputFields) throws -> FaultRules.Specification {
        let method = try fields.string("method").map { text -> HTTPMethod? in
            if text == "*" { return nil }
            let method = HTTPMethod(text.uppercased())
            guard methods.contains(method) else {
                throw DomainError.invalid("method", "method must be one of \(methods.map(\.rawValue).joined(separator: ", ")) or *")
            }
            return method
        } ?? nil
        let path = try fields.string("path") ?? "*"
        guard path == "*" || path.hasPrefix("/"), path.utf8.count <= 2048 else {
            throw DomainError.invalid("path", "path must be a path pattern starting with / (use * as a wildcard)")
        }
        let api = try fields.string("api")
        if let api, api != "reseller" && api != "vpsorg" {
            throw DomainError.invalid("api", "api must be reseller or vpsorg")
        }
        let status = try fields.int("status", in: 100...599, required: false).map { HTTPStatus(code: $0) }
        let delay = try fields.int("delayMs", in: 0...maximumDelayMs, required: false) ?? 0
        let drop = try fields.string("drop").map { text -> ConnectionAction in
            switch text {
            case "reset": return .reset
            case "empty": return .closeWithoutResponse
            default: throw DomainError.invalid("drop", "drop must be reset or empty")
            }
        }
        let probability = try fields.double("probability") ?? 1
        guard probability > 0 && probability <= 1 else {
            throw DomainError.invalid("probability", "probability must be a number greater than 0 and at most 1")
        }
        let times = try fields.int("times", in: 1...1_000_000, required: false)
        let retryAfter = try fields.int("retryAfterSeconds", in: 0...86_400, required: false)
        if retryAfter != nil, status?.code != 429 && status?.code != 503 {
            throw DomainError.invalid("retryAfterSeconds", "retryAfterSeconds needs status 429 or 503")
        }
        if status != nil && drop != nil {
            throw DomainError.invalid("drop", "send either status or drop, not both")
        }
        guard status != nil || drop != nil || delay > 0 else {
            throw DomainError.invalid("status", "a fault rule needs status, drop or delayMs")
        }
        let body = fields.object["body"].flatMap { $0 == .null ? nil : $0 }
        if body != nil && status == nil {
            throw DomainError.invalid("body", "body needs a status")
        }
        return FaultRules.Specification(
            token: nil, method: method, path: PathPattern(path), api: api, status: status, body: body, delayMs: delay,
            drop: drop, probability: probability, times: times, retryAfterSeconds: retryAfter)
    }

    static func render(_ rule: FaultRule) -> JSONValue {
        [
            "id": .int(rule.id), "scope": rule.token == nil ? "global" : "tenant",
            "method": .string(rule.method?.rawValue ?? "*"), "path": .string(rule.path.description),
            "api": .string(rule.api), "status": rule.status.map { .int($0.code) } ?? .null,
            "body": rule.body ?? .null, "delayMs": .int(rule.delayMs),
            "drop": rule.drop.map { $0 == .reset ? "reset" : "empty" } ?? .null,
            "probability": .double(rule.probability), "times": rule.remaining.map { .int($0) } ?? .null,
            "retryAfterSeconds": rule.retryAfterSeconds.map { .int($0) } ?? .null, "hits": .int(rule.hits),
        ]
    }
}
