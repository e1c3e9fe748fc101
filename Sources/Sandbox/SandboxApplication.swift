import APIKit
import ControlPlane
import Foundation
import HTTP1
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
    let accessLog: AccessLog

    public init(options: SandboxOptions) throws {
        self.options = options
        let seeds = SeedDirectory(path: options.seedDataPath)
        var configuration = RuntimeConfiguration()
        configuration.strictTokens = options.strictTokens
        configuration.defaultClockMode = options.clockMode
        configuration.timeScale = options.timeScale
        configuration.seed = options.seed
        configuration.knownTokens = try seeds.tokens()
        configuration.backgroundInterval = options.backgroundInterval
        let reseller = try ResellerModel(seeds: seeds)
        let vpsorg = try VPSOrgModel(seeds: seeds)
        let database = try Database(path: try options.preparedDatabasePath())
        runtime = try SandboxRuntime(database: database, configuration: configuration, modules: [reseller, vpsorg])
        // Order matters: the most specific prefix first.
        services = [
            ControlPlane.service(runtime: runtime, version: Self.version),
            VPSOrgAPI.service(model: vpsorg),
            ResellerAPI.service(model: reseller),
            ResellerAPI.consoleService(model: reseller),
        ]
        accessLog = AccessLog(format: options.logFormat, enabled: !options.quiet)
    }

    /// Answers one request; `respond` is called exactly once.
    public func handle(_ request: HTTPRequest, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        let started = DispatchTime.now().uptimeNanoseconds
        let path = request.path
        let finish: @Sendable (HTTPResponse) -> Void = { [accessLog] response in
            accessLog.record(request: request, status: response.status.code, startedAt: started)
            respond(response)
        }
        if request.method == .OPTIONS {
            return finish(Self.preflight(request))
        }
        guard let service = services.first(where: { $0.owns(path) }) else {
            return finish(ResellerErrors().notFound(path: String(path)))
        }
        switch service.router.match(request.method, path: path) {
        case .notFound:
            finish(service.errors.notFound(path: String(path)))
        case .methodNotAllowed(let allowed):
            finish(service.errors.methodNotAllowed(request.method, allowed: allowed))
        case .found(let handler, let parameters, _):
            switch handler {
            case .tenant(let body):
                finish(respondSafely(service) {
                    try self.runtime.perform(token: request.bearerToken) { context in
                        try body(APIRequest(http: request, parameters: parameters, context: context))
                    }
                })
            case .open(let body):
                finish(respondSafely(service) { try body(request, parameters) })
            case .deferred(let body):
                body(request, parameters, finish)
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
            request.headers["Access-Control-Request-Headers"] ?? "Authorization, Content-Type, Accept")
        response.headers.add("Access-Control-Max-Age", "86400")
        return response
    }

    /// Flushes and closes the database.
    public func close() {
        runtime.stopBackgroundScheduler()
        runtime.database.close()
    }
}
