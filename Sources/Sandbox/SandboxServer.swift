import HTTPServer

/// The application behind a listening socket: what `main` starts and what live tests start
/// on port 0.
public final class SandboxServer: @unchecked Sendable {
    public let application: SandboxApplication
    private let server: HTTPServer
    public private(set) var port = 0

    public init(options: SandboxOptions) throws {
        // The gate asks the server where it is bound; the server is made after the application.
        let listener = Listener()
        let application = try SandboxApplication(options: options, boundAddress: { listener.server?.boundAddress })
        self.application = application
        var configuration = ServerConfiguration()
        configuration.host = options.host
        configuration.port = options.port
        configuration.maxBodyBytes = options.maxBodyBytes
        // Snapshots and scenarios are read from a file as they are imported: their own limit.
        configuration.spooledBodies = { [application] request in application.documentLimit(for: request) }
        configuration.maxConnections = options.maxConnections
        configuration.headerTimeout = options.headerTimeout
        configuration.idleTimeout = options.idleTimeout
        configuration.bodyTimeout = options.bodyTimeout
        server = HTTPServer(configuration: configuration) { request, respond in
            application.handle(request, mayRunHere: HTTPServer.callerMayBlock, respond: respond)
        }
        listener.server = server
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
        // Long-polls first: each would otherwise hold the shutdown for up to its whole timeout.
        application.events.close()
        server.shutdown(timeout: timeout)
        application.close()
        application.accessLog.flush()
    }

    public var connectionCount: Int { server.connectionCount }
}

/// A late-bound reference to the server, set once before it starts (so before any request).
private final class Listener: @unchecked Sendable {
    weak var server: HTTPServer?
}
