import APIKit
import Foundation
import HTTP1
import SandboxCore
import StructuredData

/// A fault: requests that match get this answer (or a dropped connection, or a delay)
/// instead of being applied.
public struct FaultRule: Sendable {
    public let id: Int
    /// The tenant token the rule applies to; nil for a global rule.
    public let token: String?
    public let method: HTTPMethod?
    public let path: PathPattern
    public let api: String?
    public let status: HTTPStatus?
    public let body: JSONValue?
    public let delayMs: Int
    public let drop: ConnectionAction?
    public let probability: Double
    public let retryAfterSeconds: Int?
    /// Uses left; nil means unlimited.
    public internal(set) var remaining: Int?
    public internal(set) var hits = 0

    /// Whether the request is answered by the fault (false: only delayed, then served).
    public var replacesResponse: Bool { status != nil || drop != nil }

    func matches(method: HTTPMethod, path: Substring, api: String, token: String?) -> Bool {
        (self.token == nil || self.token == token)
            && (self.method == nil || self.method == method || (self.method == .GET && method == .HEAD))
            && (self.api == nil || self.api == api)
            && self.path.matches(path)
    }

    /// The answer that replaces the real one; `errors` renders the API's own error body
    /// when the rule has no body.
    public func response(errors: any ErrorFormat) -> HTTPResponse {
        var response: HTTPResponse
        if let drop {
            response = HTTPResponse(status: .badGateway)
            response.connectionAction = drop
            return response
        }
        let status = self.status ?? .internalServerError
        switch body {
        case nil:
            response = errors.response(for: DomainError(.conflict, "Injected fault \(id) (sandbox fault rule)."))
            response.status = status
        case .string(let text)?:
            response = HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
        case let value?:
            response = .json(value, status: status)
        }
        if let retryAfterSeconds { response.headers.set("Retry-After", String(retryAfterSeconds)) }
        return response
    }
}

/// The fault rules, in memory (a restart forgets them; reset clears them). Rules are
/// checked in creation order; the first matching rule whose probability draw succeeds
/// fires and uses up one of its `times`.
public final class FaultRules: @unchecked Sendable {
    private let lock = NSLock()
    private var rules: [FaultRule] = []
    private var randoms: [Int: SeededRandom] = [:]
    private var nextId = 1
    private var createdPerScope: [String: Int] = [:]
    private let seed: UInt64

    public init(seed: UInt64?) {
        self.seed = seed ?? UInt64.random(in: 0...UInt64.max)
    }

    public struct Specification: Sendable {
        public var token: String?
        public var method: HTTPMethod?
        public var path: PathPattern
        public var api: String?
        public var status: HTTPStatus?
        public var body: JSONValue?
        public var delayMs = 0
        public var drop: ConnectionAction?
        public var probability = 1.0
        public var times: Int?
        public var retryAfterSeconds: Int?
    }

    /// Adds a rule. Its random source depends only on the seed, its scope and how many rules
    /// that scope created before, so a test run under `--seed` draws the same outcomes.
    public func add(_ spec: Specification) -> FaultRule {
        locked {
            let scope = spec.token ?? "*"
            let ordinal = createdPerScope[scope, default: 0]
            createdPerScope[scope] = ordinal + 1
            let rule = FaultRule(
                id: nextId, token: spec.token, method: spec.method, path: spec.path, api: spec.api, status: spec.status,
                body: spec.body, delayMs: spec.delayMs, drop: spec.drop, probability: spec.probability,
                retryAfterSeconds: spec.retryAfterSeconds, remaining: spec.times)
            nextId += 1
            rules.append(rule)
            randoms[rule.id] = SeededRandom(seed: seed, token: "fault:\(scope):\(ordinal)")
            return rule
        }
    }

    /// Rules of `token` (nil with `all`: every rule).
    public func list(token: String?, all: Bool) -> [FaultRule] {
        locked { rules.filter { all || ($0.token != nil && $0.token == token) } }
    }

    @discardableResult
    public func remove(id: Int, token: String?, all: Bool) -> Bool {
        locked {
            guard let index = rules.firstIndex(where: { $0.id == id && (all || ($0.token != nil && $0.token == token)) }) else {
                return false
            }
            randoms[rules.remove(at: index).id] = nil
            return true
        }
    }

    @discardableResult
    public func removeAll(token: String?, all: Bool) -> Int {
        locked {
            let gone = rules.filter { all || ($0.token != nil && $0.token == token) }
            rules.removeAll { rule in gone.contains { $0.id == rule.id } }
            for rule in gone { randoms[rule.id] = nil }
            return gone.count
        }
    }

    /// The rule that fires for this request, if any; counts the hit and uses up one `times`.
    public func fire(method: HTTPMethod, path: Substring, api: String, token: String?) -> FaultRule? {
        locked {
            for index in rules.indices where rules[index].matches(method: method, path: path, api: api, token: token) {
                let rule = rules[index]
                if rule.probability < 1 {
                    guard var random = randoms[rule.id] else { continue }
                    let draw = random.double(in: 0...1)
                    randoms[rule.id] = random
                    guard draw < rule.probability else { continue }
                }
                var fired = rule
                fired.hits += 1
                fired.remaining = rule.remaining.map { $0 - 1 }
                rules[index] = fired
                if let remaining = rule.remaining, remaining <= 1 {
                    rules.remove(at: index)
                    randoms[rule.id] = nil
                }
                return fired
            }
            return nil
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
