import APIKit
import ControlPlane
import Foundation
import HTTP1
import HTTPServer
import Reseller
import ResellerAPI
import SQLiteStore
import SandboxCore
import VPSOrg
import VPSOrgAPI

/// The composition root: opens the database, loads seed-data, mounts both emulated APIs
/// and the control plane, and turns each HTTP request into a response. The same value
/// serves `main` and the tests.
public final class SandboxApplication: @unchecked Sendable {
    public static let version = "0.1.0"

    public let options: SandboxOptions
    public let runtime: SandboxRuntime
    public let services: [APIService]
    public let faults: FaultRules
    public let journal: RequestJournal
    public let events: EventFeed
    let accessLog: AccessLog
    let controlGate: ControlPlaneGate

    /// `boundAddress` tells where the server listens (nil when called in-process).
    public init(options: SandboxOptions, boundAddress: @escaping @Sendable () -> SocketAddress? = { nil }) throws {
        self.options = options
        let seeds = SeedDirectory(path: options.seedDataPath)
        var configuration = RuntimeConfiguration()
        configuration.strictTokens = options.strictTokens
        configuration.defaultClockMode = options.clockMode
        configuration.timeScale = options.timeScale
        configuration.seed = options.seed
        configuration.knownTokens = try seeds.tokens()
        configuration.backgroundInterval = options.backgroundInterval
        let reseller = try ResellerModel(seeds: seeds, consoleTicketSeconds: options.consoleTicketSeconds)
        let vpsorg = try VPSOrgModel(seeds: seeds)
        let database = try Database(path: try options.preparedDatabasePath())
        runtime = try SandboxRuntime(database: database, configuration: configuration, modules: [reseller, vpsorg])
        faults = FaultRules(seed: options.seed)
        journal = RequestJournal(capacity: options.journalSize)
        events = EventFeed(runtime: runtime)
        runtime.onEvents = { [weak events] in events?.wake() }
        // Order matters: the most specific prefix first.
        let emulated = [
            VPSOrgAPI.service(model: vpsorg),
            ResellerAPI.service(model: reseller),
            ResellerAPI.consoleService(model: reseller),
        ]
        let control = ControlPlane.service(
            runtime: runtime, version: Self.version, faults: faults, journal: journal, events: events, documented: emulated)
        services = [control] + emulated
        accessLog = AccessLog(format: options.logFormat, enabled: !options.quiet)
        controlGate = ControlPlaneGate(options: options, boundAddress: boundAddress)
    }

    /// Where delayed (fault-injected) answers wait: a serial queue, which draws on Dispatch's
    /// overcommit pool, so blocked threads elsewhere cannot hold them up.
    static let delayedAnswers = DispatchQueue(label: "sandbox.faults.delay")

    /// Where tenant requests run their transaction: serial, since the database is one
    /// connection anyway, and apart from the HTTP event loop.
    static let tenantWork = DispatchQueue(label: "sandbox.tenant-requests")

    /// Answers one request; `respond` is called exactly once. Control-plane requests pass
    /// the control-plane gate; API requests may meet a fault rule first, are journaled and
    /// answer any origin.
    public func handle(_ request: HTTPRequest, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        let started = DispatchTime.now().uptimeNanoseconds
        let path = request.path
        let service = services.first(where: { $0.owns(path) })
        if let service, service.name == "control" {
            let finish: @Sendable (HTTPResponse) -> Void = { [accessLog, controlGate] response in
                accessLog.record(request: request, status: response.status.code, startedAt: started)
                respond(response.adding(controlGate.crossOriginHeaders(for: request)))
            }
            // Health reveals nothing and container health checks call it without a token.
            if path == ControlPlane.healthPath { return route(request, path: path, to: service, token: nil) { response, _ in finish(response) } }
            if let refusal = controlGate.refusal(for: request) { return finish(refusal) }
            if request.method == .OPTIONS { return finish(Self.preflight(request)) }
            return route(request, path: path, to: service, token: request.bearerToken) { response, _ in finish(response) }
        }
        let token = request.bearerToken
        // The journal shows the tenant's sandbox time; answers given without a transaction
        // (404, 405, faults) read it from the tenant row.
        let record: @Sendable (HTTPResponse, Int64?, Int?) -> Void = { [accessLog, journal, runtime] response, at, faultId in
            let millis = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            accessLog.record(request: request, status: response.status.code, startedAt: started)
            let time = at ?? runtime.sandboxTime(token: token) ?? realTimeMillis()
            journal.record(request, token: token, response: response, millis: millis, at: time, faultId: faultId)
            respond(response.adding(ControlPlaneGate.apiCrossOriginHeaders))
        }
        if request.method == .OPTIONS { return record(Self.preflight(request), nil, nil) }
        guard let service else { return record(ResellerErrors().notFound(path: String(path)), nil, nil) }
        guard let rule = faults.fire(method: request.method, path: path, api: service.name, token: token) else {
            return route(request, path: path, to: service, token: token) { record($0, $1, nil) }
        }
        let answer: @Sendable () -> Void = { [self] in
            if rule.replacesResponse {
                record(rule.response(errors: service.errors), nil, rule.id)
            } else {
                route(request, path: path, to: service, token: token) { record($0, $1, rule.id) }
            }
        }
        guard rule.delayMs > 0 else { return answer() }
        // A delay parks the request on a timer; it holds no thread while it waits.
        Self.delayedAnswers.asyncAfter(deadline: .now() + .milliseconds(rule.delayMs), execute: answer)
    }

    /// Routes within `service` and answers through `done` with the response and, for tenant
    /// routes, the tenant's sandbox time. `path` and `token` come from the caller, which has
    /// them already (the token was a tenth of the handling cost when parsed twice).
    private func route(
        _ request: HTTPRequest, path: Substring, to service: APIService, token: String?,
        done: @escaping @Sendable (HTTPResponse, Int64?) -> Void
    ) {
        switch service.router.match(request.method, path: path) {
        case .notFound:
            done(service.errors.notFound(path: String(path)), nil)
        case .methodNotAllowed(let allowed):
            done(service.errors.methodNotAllowed(request.method, allowed: allowed), nil)
        case .found(let handler, let parameters, _):
            switch handler {
            case .tenant(let body):
                // Off the event loop: the loop keeps serving sockets on one core while the
                // transaction runs on the other.
                Self.tenantWork.async { [self] in
                    var sandboxNow: Int64?
                    let response = respondSafely(service) {
                        try runtime.perform(token: token) { context in
                            sandboxNow = context.now
                            return try body(APIRequest(http: request, parameters: parameters, context: context))
                        }
                    }
                    done(response, sandboxNow)
                }
            case .open(let body):
                done(respondSafely(service) { try body(request, parameters) }, nil)
            case .deferred(let body):
                // A deferred answer may come from inside a transaction: no tenant lookup then.
                body(request, parameters) { done($0, realTimeMillis()) }
            }
        }
    }

    /// Domain refusals become the API's error body; anything else is a bug, answered 500
    /// with its description so the user can report it.
    private func respondSafely(_ service: APIService, _ body: () throws -> HTTPResponse) -> HTTPResponse {
        do {
            return try body()
        } catch let error as DomainError {
            return service.errors.response(for: error)
        } catch {
            accessLog.error("internal error: \(error)")
            return .json(["error": .string("Internal sandbox error: \(error)")], status: .internalServerError)
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

    /// Flushes and closes the database.
    public func close() {
        runtime.stopBackgroundScheduler()
        runtime.database.close()
    }
}
