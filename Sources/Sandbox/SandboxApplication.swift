import APIKit
import ControlPlane
import Foundation
import HTTP1
import HTTPServer
import Reseller
import ResellerAPI
import SQLiteStore
import SandboxCore
import Scenarios
import VPSOrg
import VPSOrgAPI

/// The composition root: opens the database, loads seed-data, mounts both emulated APIs
/// and the control plane, and turns each HTTP request into a response. The same value
/// serves `main` and the tests.
public final class SandboxApplication: @unchecked Sendable {
    public static let version = "0.2.0"

    public let options: SandboxOptions
    public let runtime: SandboxRuntime
    /// The reseller world, for tests that replace its wall clock (console tickets).
    public let reseller: ResellerModel
    public let services: [APIService]
    public let faults: FaultRules
    public let journal: RequestJournal
    public let events: EventFeed
    public let scenarios: ScenarioLoader
    /// What `--scenario` did, one line per file and tenant (for the start-up log).
    public let scenarioLog: [String]
    let accessLog: AccessLog
    let dispatcher: Dispatcher

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
        configuration.retentionDays = options.retentionDays
        configuration.tenantIdleDays = options.tenantIdleDays
        reseller = try ResellerModel(seeds: seeds, consoleTicketSeconds: options.consoleTicketSeconds)
        let vpsorg = try VPSOrgModel(seeds: seeds)
        let database = try options.openDatabase()
        runtime = try SandboxRuntime(database: database, configuration: configuration, modules: [reseller, vpsorg])
        faults = FaultRules(seed: options.seed)
        journal = RequestJournal(capacity: options.journalSize)
        events = EventFeed(runtime: runtime)
        runtime.onEvents = { [weak events] in events?.wake() }
        let scenarios = ScenarioLoader(runtime: runtime, reseller: reseller, vpsorg: vpsorg)
        self.scenarios = scenarios
        scenarioLog = try options.scenarioPath.map { try ScenarioFiles(path: $0).load(into: scenarios) } ?? []
        // Order matters: the most specific prefix first.
        let emulated = [
            VPSOrgAPI.service(model: vpsorg),
            ResellerAPI.service(model: reseller),
            ResellerAPI.consoleService(model: reseller),
        ]
        let control = ControlPlane.service(
            runtime: runtime, version: Self.version, faults: faults, journal: journal, events: events,
            scenarios: scenarios, documented: emulated)
        services = [control] + emulated
        accessLog = AccessLog(format: options.logFormat, enabled: !options.quiet)
        // Paths no API owns are refused like the reseller API's, whose root `/api/v1` they share.
        // Paths no API owns are refused like the reseller API's, whose root `/api/v1` they share.
        dispatcher = Dispatcher(
            services: services, fallbackErrors: ResellerErrors(), runtime: runtime, faults: faults, journal: journal,
            accessLog: accessLog, gate: ControlPlaneGate(options: options, boundAddress: boundAddress))
    }

    /// The body limit of a request, by its head: `--max-snapshot` for a route that takes a whole
    /// document (a snapshot, a scenario) and that the control plane's gate lets through, so that
    /// a refused caller cannot make the server write a gigabyte before its 401; nil otherwise
    /// (`--max-body`).
    public func documentLimit(for request: HTTPRequest) -> Int? {
        let method = request.method
        let path = request.path
        guard services.contains(where: { $0.takesDocument(method, path: path) }),
            dispatcher.gate.refusal(for: request) == nil
        else { return nil }
        return options.maxSnapshotBytes
    }

    /// Answers one request; `respond` is called exactly once. `mayRunHere`: the calling
    /// thread may block briefly, so the transaction runs on it when the database is free.
    public func handle(
        _ request: HTTPRequest, mayRunHere: Bool = false, respond: @escaping @Sendable (HTTPResponse) -> Void
    ) {
        dispatcher.handle(request, mayRunHere: mayRunHere, respond: respond)
    }

    /// Flushes and closes the database.
    public func close() {
        runtime.stopBackgroundScheduler()
        runtime.database.close()
    }
}
