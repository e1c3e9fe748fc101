import Foundation
import SandboxCore

/// A noVNC console ticket: which resource of which tenant it opens, until when.
public struct ConsoleTicket: Sendable {
    public let ticket: String
    public let vncPassword: String
    public let tenantId: Int
    public let resourceType: String
    public let resourceId: Int
    /// Real (wall-clock) milliseconds, not sandbox time: the documents give the client
    /// 10 real seconds to open the URL, however fast the sandbox clock runs.
    public let expiresAt: Int64

    /// The console URL in the documents' form, on the sandbox's own stand-in page at `host`
    /// (the request's `Host` header). `ticket` is the sandbox's addition that the page checks.
    public func url(host: String) -> String {
        let proxyPath = "novnc/proxy/pve-sandbox/\(resourceId)/?port=5900&vncticket=\(Self.encode(vncPassword))"
        return "http://\(host)/novnc/vnc.html?host=\(host)&password=\(vncPassword)&path=\(Self.encode(proxyPath))"
            + "&ticket=\(ticket)"
    }

    /// What the stand-in page calls the resource, e.g. "cloud server 4001".
    public var resourceLabel: String {
        let kind = resourceType == VirtualServer.resourceType ? "cloud server" : resourceType.replacingOccurrences(of: "_", with: " ")
        return "\(kind) \(resourceId)"
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

/// Console tickets live in memory only: they expire after seconds of real time, so they have
/// no place in tenant snapshots. One table per sandbox (owned by its `ResellerModel`), shared
/// by request threads. Any resource can have a console (VMs, dedicated servers):
/// `issue(resourceType:resourceId:in:)` after checking the resource exists.
public final class ConsoleTickets: @unchecked Sendable {
    /// 10 s as documented.
    public static let defaultValidity: Double = 10
    /// The longest validity a configuration may ask for (an hour).
    public static let maximumValidity: Double = 3_600

    /// Real seconds a ticket stays valid.
    public let validity: Double
    private let lock = NSLock()
    private var tickets: [String: ConsoleTicket] = [:]
    private var wallClock: @Sendable () -> Int64 = realTimeMillis

    /// `validity` in real seconds; anything but a number in 0 < x <= 3600 means the default.
    public init(validity: Double = ConsoleTickets.defaultValidity) {
        self.validity = Self.accepts(validity) ? validity : Self.defaultValidity
    }

    /// The validity a setting's text asks for (e.g. `SANDBOX_CONSOLE_TICKET_SECONDS`): a number
    /// in 0 < x <= 3600, else (missing, `inf`, `nan`, `1e300`, garbage) the default.
    public static func validity(from text: String?) -> Double {
        guard let value = text.flatMap(Double.init), accepts(value) else { return defaultValidity }
        return value
    }

    private static func accepts(_ seconds: Double) -> Bool { seconds > 0 && seconds <= maximumValidity }

    /// Tests replace the source of real time instead of waiting for a ticket to expire.
    public func useWallClock(_ clock: @escaping @Sendable () -> Int64) {
        lock.withLock { wallClock = clock }
    }

    private var now: Int64 { lock.withLock { wallClock }() }

    /// Issues a ticket for the context's tenant, valid for `validity` real seconds.
    public func issue(resourceType: String, resourceId: Int, in context: TenantContext) -> ConsoleTicket {
        let realNow = now
        let stamp = String(UInt32(truncatingIfNeeded: Timestamp.unixSeconds(context.now)), radix: 16, uppercase: true)
        let secret = Self.base64Like(length: 342, using: &context.random)
        let ticket = ConsoleTicket(
            ticket: context.random.hex(length: 40), vncPassword: "PVEVNC:\(stamp)::\(secret)==",
            tenantId: context.tenantId, resourceType: resourceType, resourceId: resourceId,
            expiresAt: realNow + Int64((validity * 1000).rounded()))
        lock.withLock {
            tickets = tickets.filter { $0.value.expiresAt > realNow }
            tickets[ticket.ticket] = ticket
        }
        return ticket
    }

    /// The ticket if it exists and has not expired (real time).
    public func redeem(_ ticket: String) -> ConsoleTicket? {
        let now = self.now
        return lock.withLock { tickets[ticket].flatMap { $0.expiresAt > now ? $0 : nil } }
    }

    private static func base64Like(length: Int, using random: inout SeededRandom) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<length).map { _ in alphabet[random.int(in: 0...alphabet.count - 1)] })
    }
}
