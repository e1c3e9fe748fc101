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
/// no place in tenant snapshots. Any resource can have a console (VMs, dedicated servers):
/// `issue(resourceType:resourceId:in:)` after checking the resource exists.
public enum ConsoleTickets {
    /// 10 s as documented; `SANDBOX_CONSOLE_TICKET_SECONDS` overrides it for the whole process.
    public static let defaultValidity: Double =
        ProcessInfo.processInfo.environment["SANDBOX_CONSOLE_TICKET_SECONDS"].flatMap(Double.init) ?? 10

    private static let store = TicketStore()

    /// Issues a ticket for the context's tenant, valid for `validity(forToken:)` real seconds.
    public static func issue(resourceType: String, resourceId: Int, in context: TenantContext) -> ConsoleTicket {
        let realNow = realTimeMillis()
        let stamp = String(UInt32(truncatingIfNeeded: Timestamp.unixSeconds(context.now)), radix: 16, uppercase: true)
        let secret = base64Like(length: 342, using: &context.random)
        let ticket = ConsoleTicket(
            ticket: context.random.hex(length: 40), vncPassword: "PVEVNC:\(stamp)::\(secret)==",
            tenantId: context.tenantId, resourceType: resourceType, resourceId: resourceId,
            expiresAt: realNow + Int64(validity(forToken: context.tenant.token) * 1000))
        store.insert(ticket, now: realNow)
        return ticket
    }

    /// The ticket if it exists and has not expired (real time).
    public static func redeem(_ ticket: String) -> ConsoleTicket? {
        store.find(ticket, now: realTimeMillis())
    }

    /// Overrides the validity for one tenant token (tests use tiny values instead of waiting
    /// 10 s); `nil` restores the default.
    public static func setValidity(_ seconds: Double?, forToken token: String) {
        store.setValidity(seconds, forToken: token)
    }

    static func validity(forToken token: String) -> Double { store.validity(forToken: token) ?? defaultValidity }

    private static func base64Like(length: Int, using random: inout SeededRandom) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<length).map { _ in alphabet[random.int(in: 0...alphabet.count - 1)] })
    }
}

/// The lock-protected ticket table (requests arrive on many threads).
private final class TicketStore: @unchecked Sendable {
    private let lock = NSLock()
    private var tickets: [String: ConsoleTicket] = [:]
    private var validities: [String: Double] = [:]

    func insert(_ ticket: ConsoleTicket, now: Int64) {
        lock.withLock {
            tickets = tickets.filter { $0.value.expiresAt > now }
            tickets[ticket.ticket] = ticket
        }
    }

    func find(_ ticket: String, now: Int64) -> ConsoleTicket? {
        lock.withLock { tickets[ticket].flatMap { $0.expiresAt > now ? $0 : nil } }
    }

    func setValidity(_ seconds: Double?, forToken token: String) {
        lock.withLock { validities[token] = seconds }
    }

    func validity(forToken token: String) -> Double? {
        lock.withLock { validities[token] }
    }
}
