import HTTP1
import HTTPServer
import SandboxCore
import StructuredData

/// Every rule that keeps `/_sandbox` to the people running the sandbox, in one place.
///
/// - Host: a web page could otherwise reach a loopback server through a name it controls
///   (DNS rebinding); only loopback names and addresses, the bound address and the names given
///   with `--public-host` are served (else 421).
/// - Origin: a page on another site may send requests the browser does not preflight (a
///   `text/plain` POST); only the sandbox's own origin and those given with `--allow-origin`
///   pass (else 403), and only the latter get CORS headers.
/// - Admin token: with `--admin-token`, every request must carry it; bound to a non-loopback
///   address without one, the control plane is closed, since anyone on the network could
///   otherwise reset or rewrite the sandbox.
///
/// Health checks (`GET /_sandbox/health`) skip the gate: they reveal nothing.
struct ControlPlaneGate: Sendable {
    static let tokenHeader = "X-Sandbox-Admin-Token"
    let token: String?
    /// Lowercased, without a trailing slash.
    let allowedOrigins: Set<String>
    /// Lowercased host names, without ports.
    let publicHosts: Set<String>
    /// Where the server listens; nil when the application runs without a socket (in-process
    /// calls), which nobody on a network can reach.
    let boundAddress: @Sendable () -> SocketAddress?

    init(options: SandboxOptions, boundAddress: @escaping @Sendable () -> SocketAddress?) {
        token = options.adminToken.flatMap { $0.isEmpty ? nil : $0 }
        allowedOrigins = Set(options.allowedOrigins.map(Self.normalizedOrigin))
        publicHosts = Set(options.publicHosts.map { Self.hostName(of: $0.lowercased()) })
        self.boundAddress = boundAddress
    }

    /// The refusal for a control-plane `request`, or nil when it may pass. Preflights pass
    /// without the admin token: browsers never send custom headers in them.
    func refusal(for request: HTTPRequest) -> DomainError? {
        if let host = request.headers["Host"], !accepts(host: host) {
            return DomainError(.misdirected, "This sandbox does not answer the control plane for host \(host); add it with --public-host.")
        }
        if let origin = request.headers["Origin"], !isOwn(origin: origin, host: request.headers["Host"]),
            !allowedOrigins.contains(Self.normalizedOrigin(origin))
        {
            return .forbidden("Cross-origin request from \(origin) refused: /_sandbox answers its own origin and those given with --allow-origin.")
        }
        if request.headers["Origin"] == nil, Self.isCrossSiteSubresource(request) {
            return .forbidden("Cross-site request refused: /_sandbox answers its own origin and those given with --allow-origin.")
        }
        if request.method == .OPTIONS { return nil }
        return tokenRefusal(for: request)
    }

    /// The emulated APIs answer every origin, so browser demos work: they are tenant-scoped
    /// by token, which a page from elsewhere does not have.
    static let apiCrossOriginHeaders = [("Access-Control-Allow-Origin", "*")]

    /// CORS headers for a control-plane answer: the origin echoed for an allowed origin,
    /// nothing otherwise (the own origin needs none).
    func crossOriginHeaders(for request: HTTPRequest) -> [(String, String)] {
        guard let origin = request.headers["Origin"], allowedOrigins.contains(Self.normalizedOrigin(origin)) else {
            return []
        }
        return [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")]
    }

    private func tokenRefusal(for request: HTTPRequest) -> DomainError? {
        guard let token else {
            guard let bound = boundAddress(), !bound.isLoopback else { return nil }
            return .forbidden("The control plane is closed: the sandbox listens on \(bound) without --admin-token.")
        }
        guard let sent = request.headers[Self.tokenHeader] else {
            return DomainError(.unauthenticated, "Send the admin token as \(Self.tokenHeader) to use /_sandbox.")
        }
        guard Self.constantTimeEquals(sent, token) else { return .forbidden("The \(Self.tokenHeader) header is wrong.") }
        return nil
    }

    /// `localhost` (and `*.localhost`, which resolves to loopback too), a numeric loopback
    /// address, the bound address, or a `--public-host` name; the port does not matter.
    func accepts(host header: String) -> Bool {
        let name = Self.hostName(of: header.lowercased())
        if name == "localhost" || name.hasSuffix(".localhost") || publicHosts.contains(name) { return true }
        guard let address = SocketAddress(numeric: name) else { return false }
        if address.isLoopback { return true }
        guard let bound = boundAddress(), !bound.isWildcard else { return false }
        return address.sameHost(as: bound)
    }

    /// The page's origin is the sandbox itself: `http://` plus the (accepted) Host it asked,
    /// or `https://` behind a TLS proxy.
    private func isOwn(origin: String, host: String?) -> Bool {
        guard let host = host?.lowercased() else { return false }
        let origin = Self.normalizedOrigin(origin)
        return origin == "http://" + host || origin == "https://" + host
    }

    /// A no-cors load (image, script) from another site carries no Origin; the browser says
    /// where it came from in `Sec-Fetch-Site`. Navigations are let through: the page they
    /// show is not readable by the site that linked to it.
    private static func isCrossSiteSubresource(_ request: HTTPRequest) -> Bool {
        guard let site = request.headers["Sec-Fetch-Site"]?.lowercased(), site == "cross-site" || site == "same-site" else {
            return false
        }
        return request.headers["Sec-Fetch-Mode"]?.lowercased() != "navigate"
    }

    /// `[::1]:8080` -> `::1`, `example.org:80` -> `example.org`.
    static func hostName(of host: String) -> String {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            return String(host[host.index(after: host.startIndex)..<close])
        }
        // More than one colon without brackets: a bare IPv6 address, no port.
        let colons = host.filter { $0 == ":" }.count
        guard colons == 1, let colon = host.firstIndex(of: ":") else { return host }
        return String(host[..<colon])
    }

    static func normalizedOrigin(_ origin: String) -> String {
        let lowered = origin.lowercased()
        return lowered.hasSuffix("/") ? String(lowered.dropLast()) : lowered
    }

    /// Compares without an early exit, so response times do not leak the token.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}

extension HTTPResponse {
    /// The response with `fields` added, unless it sets them itself.
    func adding(_ fields: [(String, String)]) -> HTTPResponse {
        var response = self
        for (name, value) in fields where !response.headers.contains(name) { response.headers.add(name, value) }
        return response
    }
}
