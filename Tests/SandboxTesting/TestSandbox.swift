import Dispatch
import Foundation
import HTTP1
import Sandbox
import SandboxCore
import StructuredData
import Testing

/// A sandbox for one test: the real server on an ephemeral port with a throwaway database,
/// a manual clock by default, and one client API that talks HTTP to it. Each test uses its
/// own tokens, so tests can run in parallel.
public final class TestSandbox: @unchecked Sendable {
    public let server: SandboxServer
    public var application: SandboxApplication { server.application }
    public let client: HTTPTestClient
    public var port: Int { server.port }
    /// A fresh token per sandbox: the default tenant of `request`.
    public let token: String
    /// Whether answers are checked against their routes' declarations (off for tests whose
    /// injected faults answer on purpose what no route declares).
    public var checksContract = true
    private let contract: ContractCheck

    public init(
        clock: SandboxClock.Mode = .manual, seed: UInt64? = 7, strictTokens: Bool = false,
        configure: (inout SandboxOptions) -> Void = { _ in }
    ) throws {
        var options = SandboxOptions()
        options.databasePath = ":memory:"
        options.seedDataPath = Self.seedDataPath
        options.clockMode = clock
        options.seed = seed
        options.strictTokens = strictTokens
        options.backgroundInterval = 0
        options.quiet = true
        options.host = "127.0.0.1"
        options.port = 0
        configure(&options)
        server = try SandboxServer(options: options)
        try server.start()
        client = HTTPTestClient(port: server.port)
        token = "test-\(UUID().uuidString.prefix(8))"
        contract = ContractCheck(services: server.application.services)
    }

    deinit {
        client.disconnectNow()
        server.stop(timeout: 1)
    }

    /// `seed-data/` of this checkout.
    public static let seedDataPath: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seed-data").path
    }()

    /// Sends a request. `json` is sent as a JSON body; `form` as an urlencoded body; `body`
    /// as raw bytes with `headers`. `token: nil` sends no Authorization header.
    @discardableResult
    public func request(
        _ method: HTTPMethod, _ path: String, token: String?? = .none, json: JSONValue? = nil, form: String? = nil,
        body: [UInt8]? = nil, headers: [(String, String)] = []
    ) -> TestResponse {
        var fields = HTTPHeaders(headers)
        let bearer: String? = token ?? self.token
        if let bearer, !fields.contains("Authorization") { fields.add("Authorization", "Bearer \(bearer)") }
        var payload = body ?? []
        if let json {
            payload = JSONWriter.bytes(json)
            if !fields.contains("Content-Type") { fields.add("Content-Type", "application/json") }
        } else if let form {
            payload = Array(form.utf8)
            if !fields.contains("Content-Type") { fields.add("Content-Type", "application/x-www-form-urlencoded") }
        }
        if !fields.contains("Accept") { fields.add("Accept", "application/json") }
        do {
            let response = try client.send(method, path, headers: fields, body: payload)
            if checksContract {
                for problem in contract.problems(method, path, response) { Issue.record(Comment(rawValue: problem)) }
            }
            return response
        } catch {
            return TestResponse(status: 0, headers: [:], body: Array("transport error: \(error)".utf8))
        }
    }

    /// Calls the application without a socket, for tests of the composition itself.
    public func handleInProcess(_ request: HTTPRequest) -> TestResponse {
        let box = ResponseBox()
        application.handle(request) { box.fill($0) }
        return TestResponse(box.wait())
    }

    /// Advances this sandbox's tenant clock (or `token`'s) by `seconds`, applying due work.
    @discardableResult
    public func advance(seconds: Double, token: String? = nil) -> TestResponse {
        request(.POST, "/_sandbox/clock/advance", token: .some(token ?? self.token), json: ["seconds": .double(seconds)])
    }
}

/// Waits for a deferred responder without spinning.
final class ResponseBox: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private var response: HTTPResponse?

    func fill(_ response: HTTPResponse) {
        self.response = response
        semaphore.signal()
    }

    func wait() -> HTTPResponse {
        semaphore.wait()
        return response!
    }
}

/// A response with its JSON parsed for assertions.
public struct TestResponse: Sendable {
    public let status: Int
    public let headers: HTTPHeaders
    public let body: [UInt8]

    init(_ response: HTTPResponse) {
        status = response.status.code
        headers = response.headers
        body = response.body
    }

    public init(status: Int, headers: HTTPHeaders, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The parsed body; `.null` when it is not JSON.
    public var json: JSONValue { (try? JSONParser.parse(body)) ?? .null }

    /// `json["result"]`, the reseller envelope's payload.
    public var result: JSONValue { json["result"] ?? .null }
}
