import HTTP1

/// What the server listens on and the limits it enforces before any handler runs.
public struct ServerConfiguration: Sendable {
    /// "0.0.0.0" and "::" listen on every interface; "::" accepts IPv4 too (dual stack).
    public var host: String = "127.0.0.1"
    /// 0 picks a free port; `start()` returns the one bound.
    public var port: Int = 8080
    public var maxHeaderBytes: Int = 16 * 1024
    public var maxBodyBytes: Int = 1024 * 1024
    /// Picks, by a request's head, the requests whose bodies are written to a temporary file
    /// as they arrive instead of gathered in memory (`HTTPRequest.spooled`), and their limit,
    /// which replaces `maxBodyBytes`: for routes that take documents of any size.
    public var spooledBodies: (@Sendable (HTTPRequest) -> Int?)?
    /// Seconds a client may take to send a request's head, from its first byte (or from the
    /// connection's start for the first request): 408 if it sent anything, else just closed.
    public var headerTimeout: Double = 10
    /// Seconds a keep-alive connection may stay idle; also bounds stalls while writing a response.
    public var idleTimeout: Double = 30
    /// Seconds a request's body may take, from the end of its head: 408 and close after that.
    public var bodyTimeout: Double = 30
    /// When a connection arrives with this many open, the longest-idle one (between requests)
    /// is closed to make room; when all are inside a request, the newcomer is answered 503.
    public var maxConnections: Int = 1024
    /// Added to every response unless it sets the field itself, including the server's own
    /// 4xx/5xx answers.
    public var extraHeaders: [(String, String)] = []

    public init() {}
}
