import HTTP1
import SandboxCore
import StructuredData

/// Guards `/_sandbox`: with `--admin-token`, every control request must carry it as
/// `X-Sandbox-Admin-Token`; on a non-loopback address without one, the control plane is
/// closed, because anyone on the network could otherwise reset or rewrite the sandbox.
struct AdminGate: Sendable {
    static let header = "X-Sandbox-Admin-Token"
    let host: String
    let token: String?

    init(host: String, token: String?) {
        self.host = host
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// 127.0.0.0/8, ::1 and localhost.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare.lowercased() == "localhost" || bare == "::1" || bare == "0:0:0:0:0:0:0:1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The refusal for `request`, or nil when it may pass.
    func refusal(for request: HTTPRequest) -> DomainError? {
        guard let token else {
            if Self.isLoopback(host) { return nil }
            return .forbidden("The control plane is closed: the sandbox listens on \(host) without --admin-token.")
        }
        guard let sent = request.headers[Self.header] else {
            return DomainError(.unauthenticated, "Send the admin token as \(Self.header) to use /_sandbox.")
        }
        guard Self.constantTimeEquals(sent, token) else {
            return .forbidden("The \(Self.header) header is wrong.")
        }
        return nil
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
