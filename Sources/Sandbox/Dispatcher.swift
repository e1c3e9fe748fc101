import APIKit
import ControlPlane
import Dispatch
import HTTP1
import SandboxCore

/// Where each request runs, decided in one place from what its route needs (see
/// `RouteHandler`): what needs no database is answered on the calling thread; tenant and
/// admin work runs its transaction there too when the caller may block briefly (the
/// server's loop thread with nothing else to do) and the database queue is free, else waits
/// its turn on the queue; long work runs on a thread of its own. Every failure, whatever threw it, is rendered here, once, in the error
/// format of the API the request was for.
final class Dispatcher: Sendable {
    let services: [APIService]
    let runtime: SandboxRuntime
    let faults: FaultRules
    let journal: RequestJournal
    let accessLog: AccessLog
    let gate: ControlPlaneGate
    /// How paths that no API owns are refused.
    let fallbackErrors: any ErrorFormat

    init(
        services: [APIService], fallbackErrors: any ErrorFormat, runtime: SandboxRuntime, faults: FaultRules,
        journal: RequestJournal, accessLog: AccessLog, gate: ControlPlaneGate
    ) {
        self.services = services
        self.fallbackErrors = fallbackErrors
        self.runtime = runtime
        self.faults = faults
        self.journal = journal
        self.accessLog = accessLog
        self.gate = gate
    }

    /// Where delayed (fault-injected) answers wait: a serial queue, which draws on Dispatch's
    /// overcommit pool, so blocked threads elsewhere cannot hold them up.
    static let delayedAnswers = DispatchQueue(label: "sandbox.faults.delay")

    /// Answers one request; `respond` is called exactly once. Control-plane requests pass
    /// the gate and are not journaled; API requests may meet a fault rule first.
    func handle(_ request: HTTPRequest, mayRunHere: Bool, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        let started = DispatchTime.now().uptimeNanoseconds
        let path = request.path
        let service = services.first(where: { $0.owns(path) })
        let token = request.bearerToken
        if let service, service.name == ControlPlane.name {
            let finish: @Sendable (HTTPResponse, Int64?) -> Void = { [accessLog, gate] response, _ in
                accessLog.record(
                    method: request.method, path: path, token: token, status: response.status.code,
                    nanoseconds: DispatchTime.now().uptimeNanoseconds - started)
                respond(response.adding(gate.crossOriginHeaders(for: request)))
            }
            // Health and the dashboard's page reveal nothing; health checks and browsers call them without a token.
            if ControlPlane.isPublic(path) {
                return route(request, path: path, to: service, token: nil, mayRunHere: mayRunHere, done: finish)
            }
            if let refusal = gate.refusal(for: request) { return finish(service.errors.response(for: refusal), nil) }
            // A preflight that passed the gate (an allowed origin) needs no admin token.
            if request.method == .OPTIONS { return finish(Self.preflight(request), nil) }
            return route(request, path: path, to: service, token: token, mayRunHere: mayRunHere, done: finish)
        }
        // The journal shows the tenant's sandbox time: from the transaction when there was
        // one, else from the clocks the runtime keeps in memory.
        let record: @Sendable (HTTPResponse, Int64?, Int?) -> Void = { [accessLog, journal, runtime] response, at, faultId in
            let nanoseconds = DispatchTime.now().uptimeNanoseconds - started
            accessLog.record(method: request.method, path: path, token: token, status: response.status.code, nanoseconds: nanoseconds)
            let millis = Double(nanoseconds) / 1_000_000
            let time = at ?? runtime.sandboxTime(token: token) ?? realTimeMillis()
            journal.record(request, token: token, response: response, millis: millis, at: time, faultId: faultId)
            respond(response.adding(ControlPlaneGate.apiCrossOriginHeaders))
        }
        if request.method == .OPTIONS { return record(Self.preflight(request), nil, nil) }
        guard let service else {
            // The browser's /favicon.ico: answered, and kept out of the journal.
            if let answer = ControlPlane.siteAnswer(request) {
                accessLog.record(
                    method: request.method, path: path, token: token, status: answer.status.code,
                    nanoseconds: DispatchTime.now().uptimeNanoseconds - started)
                return respond(answer)
            }
            return record(fallbackErrors.notFound(path: String(path)), nil, nil)
        }
        guard let rule = faults.fire(method: request.method, path: path, api: service.name, token: token) else {
            return route(request, path: path, to: service, token: token, mayRunHere: mayRunHere) { record($0, $1, nil) }
        }
        let answer: @Sendable () -> Void = { [self] in
            if rule.replacesResponse {
                record(rule.response(errors: service.errors), nil, rule.id)
            } else {
                // Delayed answers share one queue: none of them runs a transaction there.
                route(request, path: path, to: service, token: token, mayRunHere: mayRunHere && rule.delayMs == 0) {
                    record($0, $1, rule.id)
                }
            }
        }
        guard rule.delayMs > 0 else { return answer() }
        // A delay parks the request on a timer; it holds no thread while it waits.
        Self.delayedAnswers.asyncAfter(deadline: .now() + .milliseconds(rule.delayMs), execute: answer)
    }


    /// Routes within `service`, runs the handler where its kind says, and answers through
    /// `done` with the response and, for tenant routes, the tenant's sandbox time.
    /// `mayRunHere`: whether the calling thread may run the transaction itself.
    private func route(
        _ request: HTTPRequest, path: Substring, to service: APIService, token: String?, mayRunHere: Bool,
        done: @escaping @Sendable (HTTPResponse, Int64?) -> Void
    ) {
        let errors = service.errors
        // A function, not a closure value: tenant routes, nearly every request, never use it,
        // and only a use allocates its context.
        @Sendable func answer(_ result: Result<HTTPResponse, any Error>) {
            done(render(result, errors), nil)
        }
        switch service.router.match(request.method, path: path) {
        case .notFound:
            done(errors.notFound(path: String(path)), nil)
        case .methodNotAllowed(let allowed):
            done(errors.methodNotAllowed(request.method, allowed: allowed), nil)
        case .found(let handler, let parameters, _):
            switch handler {
            case .tenant(let body):
                runtime.submit(token: token, mayRunHere: mayRunHere, { context in
                    (try body(APIRequest(http: request, parameters: parameters, context: context)), context.now)
                }, done: { [self] result in
                    switch result {
                    case .success(let (response, now)): done(response, now)
                    case .failure(let error): done(render(.failure(error), errors), nil)
                    }
                })
            case .admin(let body):
                runtime.submit(mayRunHere: mayRunHere, { try body(request, parameters) }, done: answer)
            case .long(let body):
                runtime.runLong { answer(Result { try body(request, parameters) }) }
            case .memory(let body):
                answer(Result { try body(request, parameters) })
            case .deferred(let body):
                do { try body(request, parameters, answer) } catch { answer(.failure(error)) }
            }
        }
    }

    /// The one place a handler's outcome becomes a response. Anything but a refusal is a bug:
    /// logged, and answered 500 with its description so the user can report it.
    private func render(_ result: Result<HTTPResponse, any Error>, _ errors: any ErrorFormat) -> HTTPResponse {
        switch result {
        case .success(let response): return response
        case .failure(let error as DomainError): return errors.response(for: error)
        case .failure(let error):
            accessLog.error("internal error: \(error)")
            return errors.internalError(String(describing: error))
        }
    }

    /// CORS preflight: browsers may call any route with the headers real clients send.
    static func preflight(_ request: HTTPRequest) -> HTTPResponse {
        var response = HTTPResponse.empty(.noContent)
        response.headers.add("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")
        response.headers.add(
            "Access-Control-Allow-Headers",
            request.headers["Access-Control-Request-Headers"] ?? "Authorization, Content-Type, Accept, X-Sandbox-Admin-Token")
        response.headers.add("Access-Control-Max-Age", "86400")
        return response
    }
}
