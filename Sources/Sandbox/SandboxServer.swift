import HTTPServer

/// The application behind a listening socket: what `main` starts and what live tests start
/// on port 0.
public final class SandboxServer: @unchecked Sendable {
    public let application: SandboxApplication
    private let server: HTTPServer
    public private(set) var port = 0

    public init(options: SandboxOptions) throws {
        let application = try SandboxApplication(options: options)
        self.application = application
        var configuration = ServerConfiguration()
        configuration.host = options.host
        configuration.port = options.port
        configuration.maxBodyBytes = options.maxBodyBytes
        configuration.maxConnections = options.maxConnections
        configuration.headerTimeout = options.headerTimeout
        configuration.idleTimeout = options.idleTimeout
        configuration.extraHeaders = [("Access-Control-Allow-Origin", "*")]
        server = HTTPServer(configuration: configuration) { request, respond in
            application.handle(request, respond: respond)
        }
        server.onProtocolError = { [accessLog = application.accessLog] status, reason in
            accessLog.protocolError(status: status, reason: reason)
        }
    }

    /// Binds, listens and starts the background scheduler; returns the bound port.
    @discardableResult
    public func start() throws -> Int {
        port = try server.start()
        application.runtime.startBackgroundScheduler()
        return port
    }

    /// Stops accepting, finishes in-flight requests, then closes the database.
    public func stop(timeout: Double = 5) {
        server.shutdown(timeout: timeout)
        application.close()
    }

    public var connectionCount: Int { server.connectionCount }
}
