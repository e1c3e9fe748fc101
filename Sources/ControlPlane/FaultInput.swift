import APIKit
import HTTP1
import SandboxCore
import StructuredData

/// What `POST /faults` reads: one rule, each field checked on its own, then the rules that
/// join fields (a rule must do something: status, drop or delay).
enum FaultInput {
    static let maximumDelayMs = 60_000
    static let methods: [HTTPMethod] = [.GET, .HEAD, .POST, .PUT, .PATCH, .DELETE, .OPTIONS]

    /// A method in any case, or `*` for every method (nil).
    static let method = Field<String>(
        "method", schema: .choice(methods.map(\.rawValue) + ["*"]), kind: .choice, presence: .optional,
        rule: "method must be one of \(methods.map(\.rawValue).joined(separator: ", ")) or *"
    ) { value in
        guard let text = LenientValue.string(value)?.uppercased() else { return .wrongType }
        return text == "*" || methods.contains(HTTPMethod(text)) ? .value(text) : .refused(nil)
    }.documented("The method to match; * (the default) matches every method", example: "POST")

    static let path = Field<String>.string(
        "path", .optional, pattern: "^(\\*|/.*)$", rule: "path must be a path pattern starting with / (use * as a wildcard)",
        accepts: { ($0 == "*" || $0.hasPrefix("/")) && $0.utf8.count <= 2048 }
    ).documented("The path to match; * matches any characters, / included (default *)", example: "/api/v1/datacenter/server")

    static let api = Field<String>.choice("api", ["reseller", "vpsorg"], .optional, rule: "api must be reseller or vpsorg")
        .documented("Only requests to this API (default: both)", example: "vpsorg")

    static let status = Field<Int>.integer("status", 100...599, .optional)
        .documented("The status to answer instead of applying the request", example: 503)

    static let body = Field<JSONValue>(
        "body", schema: .any, kind: .any, presence: .optional, rule: "body must be a JSON value"
    ) { .value($0) }.documented("The answer's body: text is sent as text/plain, anything else as JSON (default: the API's own error body)")

    static let delayMs = Field<Int>.integer("delayMs", 0...maximumDelayMs, .optional)
        .documented("Milliseconds to wait before answering (alone: the request is then applied)", example: 2000)

    static let drop = Field<String>.choice("drop", ["reset", "empty"], .optional, rule: "drop must be reset or empty")
        .documented("Drop the connection instead of answering: reset, or close it without a response", example: "reset")

    static let probability = Field<Double>.number(
        "probability", 0...1, .optional, aboveLowerBound: true, rule: "probability must be a number greater than 0 and at most 1"
    ).documented("The chance that a matching request is hit (default 1)", example: 0.2)

    static let times = Field<Int>.integer("times", 1...1_000_000, .optional)
        .documented("How many requests the rule hits before it goes (default: unlimited)", example: 1)

    static let retryAfterSeconds = Field<Int>.integer("retryAfterSeconds", 0...86_400, .optional)
        .documented("A Retry-After header, with status 429 or 503", example: 30)

    static let rule = InputDeclaration(
        .laravel,
        [
            AnyField(ControlScope.all), AnyField(method), AnyField(path), AnyField(api), AnyField(status), AnyField(body),
            AnyField(delayMs), AnyField(drop), AnyField(probability), AnyField(times), AnyField(retryAfterSeconds),
        ])

    /// The rule the fields describe, for `token`'s tenant (nil: every tenant).
    static func specification(_ input: InputValues, token: String?) throws -> FaultRules.Specification {
        let status = input[status].map { HTTPStatus(code: $0) }
        let drop = input[drop].map { $0 == "reset" ? ConnectionAction.reset : .closeWithoutResponse }
        let delay = input[delayMs] ?? 0
        let retryAfter = input[retryAfterSeconds]
        if retryAfter != nil, status?.code != 429 && status?.code != 503 {
            throw DomainError.invalid("retryAfterSeconds", "retryAfterSeconds needs status 429 or 503")
        }
        if status != nil && drop != nil {
            throw DomainError.invalid("drop", "send either status or drop, not both")
        }
        guard status != nil || drop != nil || delay > 0 else {
            throw DomainError.invalid("status", "a fault rule needs status, drop or delayMs")
        }
        let body = input[body]
        if body != nil && status == nil {
            throw DomainError.invalid("body", "body needs a status")
        }
        let method = input[method].flatMap { $0 == "*" ? nil : HTTPMethod($0) }
        return FaultRules.Specification(
            token: token, method: method, path: PathPattern(input[path] ?? "*"), api: input[api], status: status, body: body,
            delayMs: delay, drop: drop, probability: input[probability] ?? 1, times: input[times], retryAfterSeconds: retryAfter)
    }
}
