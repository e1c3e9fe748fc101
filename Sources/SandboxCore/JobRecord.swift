import SQLiteStore
import StructuredData

/// Work that takes time on the tenant's clock: queued until `startsAt`, running until
/// `finishesAt` (progress rises with the clock), then finished or failed with an `output`.
public struct JobRecord: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case queued, running, finished, failed
    }

    public let id: Int
    public let tenantId: Int
    public let kind: String
    public let resourceType: String
    public let resourceId: Int
    public let createdAt: Int64
    public let state: JobState
    /// Stored as written; parsed when a job kind reads it, not on every status read.
    let payloadText: String
    public var payload: JSONValue { (try? JSONParser.parse(payloadText)) ?? .object([:]) }

    init(
        id: Int, tenantId: Int, kind: String, resourceType: String, resourceId: Int, createdAt: Int64, state: JobState,
        payloadText: String
    ) {
        self.id = id
        self.tenantId = tenantId
        self.kind = kind
        self.resourceType = resourceType
        self.resourceId = resourceId
        self.createdAt = createdAt
        self.state = state
        self.payloadText = payloadText
    }

    init(row: Row) throws {
        id = try row.int("id")
        tenantId = try row.int("tenant_id")
        kind = try row.string("kind")
        resourceType = try row.string("resource_type")
        resourceId = try row.int("resource_id")
        createdAt = try row.int64("created_at")
        state = try JobState(row: row)
        payloadText = try row.string("payload")
    }

    public var status: Status { state.status }
    public var startsAt: Int64 { state.startsAt }
    public var finishesAt: Int64 { state.finishesAt }
    public var endedAt: Int64? { state.endedAt }
    public var output: JSONValue? { state.output }
    public var isActive: Bool { state.isActive }
    public func progress(at now: Int64) -> Int { state.progress(at: now) }
}

/// Where a job stands: its status, times and output, which is what `GET /job/{id}` shows.
/// Read on its own (`TenantContext.jobState`): clients poll it, and reading the whole record
/// (kind, resource, payload) cost a tenth more per poll.
public struct JobState: Sendable {
    public let status: JobRecord.Status
    public let startsAt: Int64
    public let finishesAt: Int64
    public let endedAt: Int64?
    public let output: JSONValue?

    static let columns = "status, starts_at, finishes_at, ended_at, output"

    init(status: JobRecord.Status, startsAt: Int64, finishesAt: Int64, endedAt: Int64? = nil, output: JSONValue? = nil) {
        self.status = status
        self.startsAt = startsAt
        self.finishesAt = finishesAt
        self.endedAt = endedAt
        self.output = output
    }

    init(row: Row) throws {
        status = try row.value("status", as: JobRecord.Status.self)
        startsAt = try row.int64("starts_at")
        finishesAt = try row.int64("finishes_at")
        endedAt = try row.optionalInt("ended_at").map(Int64.init)
        output = try row.optionalJSON("output")
    }

    public var isActive: Bool { status == .queued || status == .running }

    /// 0 while queued, rising with the clock while running, 100 when finished.
    public func progress(at now: Int64) -> Int {
        switch status {
        case .queued: return 0
        case .finished: return 100
        case .failed: return endedAt.map { min(99, rawProgress(at: $0)) } ?? 0
        case .running: return min(99, rawProgress(at: now))
        }
    }

    private func rawProgress(at now: Int64) -> Int {
        let span = max(1, finishesAt - startsAt)
        return Int(max(0, min(100, (now - startsAt) * 100 / span)))
    }
}

/// What a model does when one of its jobs finishes or fails. `complete` returns the job's
/// output; throwing a `DomainError` from it fails the job with that message instead.
public struct JobKind: Sendable {
    public let name: String
    public let complete: @Sendable (TenantContext, JobRecord) throws -> JSONValue
    public let fail: @Sendable (TenantContext, JobRecord, String) throws -> Void

    public init(
        _ name: String,
        complete: @escaping @Sendable (TenantContext, JobRecord) throws -> JSONValue,
        fail: @escaping @Sendable (TenantContext, JobRecord, String) throws -> Void = { _, _, _ in }
    ) {
        self.name = name
        self.complete = complete
        self.fail = fail
    }
}

/// A due timer as the scheduler hands it to its action.
public struct DueTimer: Sendable {
    public let id: Int
    public let dueAt: Int64
    public let kind: String
    /// Stored as written; parsed when an action reads it (job steps never do).
    let payloadText: String
    public var payload: JSONValue { (try? JSONParser.parse(payloadText)) ?? .object([:]) }
    public let jobId: Int?
    public let resourceType: String?
    public let resourceId: Int?

    init(row: Row) throws {
        id = try row.int("id")
        dueAt = try row.int64("due_at")
        kind = try row.string("kind")
        payloadText = try row.string("payload")
        jobId = try row.optionalInt("job_id")
        resourceType = try row.optionalString("resource_type")
        resourceId = try row.optionalInt("resource_id")
    }
}
