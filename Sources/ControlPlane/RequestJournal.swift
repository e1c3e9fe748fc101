import Foundation
import HTTP1
import SandboxCore
import StructuredData

/// One answered API request, as the journal keeps it. It holds the request and the response
/// body as they were (copy-on-write arrays: recording retains, it does not copy) and derives
/// the rest when read, so recording stays cheap on the hot path.
public struct JournalEntry: Sendable {
    public let id: Int
    public let token: String?
    let request: HTTPRequest
    public let status: Int
    public let responseBody: [UInt8]
    public let millis: Double
    /// The tenant's sandbox time when known, else real time.
    public let at: Int64
    /// Real (wall-clock) time: one clock for every tenant's requests.
    public let receivedAt: Int64
    public let faultId: Int?
    /// What the entry counts against the journal's byte budget; computed once, when recorded
    /// (it is needed again when the entry is dropped).
    let size: Int

    public var method: String { request.method.rawValue }
    public var path: String { String(request.path) }
    /// The query string, secrets masked (see `JournalSecrets`).
    public var query: String { JournalSecrets.maskQuery(String(request.queryString)) }
    public var requestBody: [UInt8] { request.body }

    /// The request's headers, `Authorization` and other secrets masked.
    public var requestHeaders: [(name: String, value: String)] {
        request.headers.fields.map { field in
            (field.name, JournalSecrets.isSecret(field.name) ? JournalSecrets.mask(field.value, name: field.name) : field.value)
        }
    }

    static func size(of request: HTTPRequest, responseBody: [UInt8]) -> Int {
        let headers = request.headers.fields.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count }
        return request.body.count + responseBody.count + request.target.utf8.count + headers + 256
    }
}

/// A bounded in-memory ring of the API requests (control-plane requests are not kept):
/// at most `capacity` entries and `byteBudget` bytes of bodies, oldest dropped first, so
/// memory stays flat under load. Bodies are cut at `maximumBodyBytes`.
public final class RequestJournal: @unchecked Sendable {
    public static let maximumBodyBytes = 64 * 1024
    public let capacity: Int
    public let byteBudget: Int
    private let lock = NSLock()
    private var ring: [JournalEntry?]
    private var head = 0
    private var count = 0
    private var bytes = 0
    private var nextId = 1

    public init(capacity: Int, byteBudget: Int = 64 * 1024 * 1024) {
        self.capacity = capacity
        self.byteBudget = byteBudget
        ring = Array(repeating: nil, count: capacity)
    }

    public func record(
        _ request: HTTPRequest, token: String?, response: HTTPResponse, millis: Double, at: Int64, faultId: Int?
    ) {
        guard capacity > 0 else { return }
        var kept = request
        if kept.body.count > Self.maximumBodyBytes { kept.body = Array(kept.body.prefix(Self.maximumBodyBytes)) }
        let responseBody = response.body.count > Self.maximumBodyBytes
            ? Array(response.body.prefix(Self.maximumBodyBytes)) : response.body
        let size = JournalEntry.size(of: kept, responseBody: responseBody)
        let received = realTimeMillis()
        lock.lock()
        defer { lock.unlock() }
        let entry = JournalEntry(
            id: nextId, token: token, request: kept, status: response.status.code, responseBody: responseBody,
            millis: millis, at: at, receivedAt: received, faultId: faultId, size: size)
        nextId += 1
        while count > 0 && (count == capacity || bytes + entry.size > byteBudget) { dropOldest() }
        ring[(head + count) % capacity] = entry
        count += 1
        bytes += entry.size
    }

    /// Newest first.
    public func entries(where include: (JournalEntry) -> Bool, limit: Int) -> [JournalEntry] {
        lock.lock()
        defer { lock.unlock() }
        var found: [JournalEntry] = []
        var offset = count - 1
        while offset >= 0 && found.count < limit {
            if let entry = ring[(head + offset) % capacity], include(entry) { found.append(entry) }
            offset -= 1
        }
        return found
    }

    @discardableResult
    public func clear(where remove: (JournalEntry) -> Bool) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let kept = (0..<count).compactMap { ring[(head + $0) % capacity] }.filter { !remove($0) }
        let removed = count - kept.count
        ring = Array(repeating: nil, count: capacity)
        head = 0
        count = kept.count
        bytes = kept.reduce(0) { $0 + $1.size }
        for (index, entry) in kept.enumerated() { ring[index] = entry }
        return removed
    }

    public var storedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    private func dropOldest() {
        bytes -= ring[head]?.size ?? 0
        ring[head] = nil
        head = (head + 1) % capacity
        count -= 1
    }

    /// The `Authorization` header as the journal shows it, `Bearer abcd…`: not enough to reuse
    /// the secret. (Tenants themselves are named by `TenantLabel`.)
    public static func mask(_ value: String) -> String {
        let parts = value.split(separator: " ", maxSplits: 1)
        let secret = parts.count == 2 ? parts[1] : Substring(value)
        let masked = secret.count <= 4 ? "…" : secret.prefix(4) + "…"
        return parts.count == 2 ? "\(parts[0]) \(masked)" : String(masked)
    }
}
