import SandboxCore
import StructuredData

/// The clients' `POST /servers/{id}/resize/ {plan}`: the server is `resizing` for a few minutes,
/// then back in the state it was in (active or stopped) on the new plan. A larger plan
/// charges the difference of one month's price at once (refunded if the resize fails); the
/// disk never shrinks, as with most providers, so a plan with less storage is refused.
enum ServerResize {
    static let job = "vpsorg.server.resize"
    static let millis: ClosedRange<Int> = 60_000...180_000

    static func register(in scheduler: Scheduler, catalog: VPSOrgCatalog) {
        scheduler.register(
            JobKind(job, complete: { context, job in try finish(context, job, catalog: catalog) }, fail: failed))
    }

    static func begin(_ reference: ServerReference, to plan: Plan, catalog: VPSOrgCatalog, in context: TenantContext) throws
        -> ServerAction
    {
        var server = try VPSServer.find(reference, in: context)
        guard server.status == .active || server.status == .stopped else {
            throw DomainError.conflict(
                server.status == .resizing ? "Server is already being resized." : "Server must be active or stopped to be resized.")
        }
        if plan.id == server.plan.id { throw DomainError.invalid("plan", "The server is already on this plan.") }
        if plan.storage < server.plan.storage {
            throw DomainError.invalid(
                "plan", "A server's disk cannot shrink: \(plan.name) has \(plan.storage) GB, the server \(server.plan.storage) GB.")
        }
        // A server's copy of its plan keeps no price: the catalogue's is today's.
        let charge = max(0, plan.price - (catalog.plan(server.plan.id)?.price ?? 0))
        try context.charge(euros: charge)
        let resume = server.status
        try ServerLifecycle.move(&server, to: .resizing, in: context)
        return try ServerAction.begin(
            .resize, on: server, job: job, runsFor: Int64(context.random.int(in: millis)), target: plan.uuid,
            payload: [("plan", .int(Int64(plan.id))), ("resume", .string(resume.rawValue)), ("charged", .double(charge))],
            in: context)
    }

    static func finish(_ context: TenantContext, _ job: JobRecord, catalog: VPSOrgCatalog) throws -> JSONValue {
        let payload = job.payload
        guard let id = payload["action"]?.intValue else { return .string("No action") }
        guard var server = try VPSServer.findIfExists(.id(job.resourceId), in: context), server.status == .resizing else {
            try ServerAction.end(Int(id), .failed, error: "The server left the resizing state.", jobId: job.id, in: context)
            return .string("Interrupted")
        }
        // The catalogue is read again when the resize lands; a plan gone since fails it (and refunds).
        guard let plan = payload["plan"]?.intValue.flatMap({ catalog.plan(Int($0)) }) else {
            throw DomainError.conflict("The plan is no longer offered.")
        }
        try ServerAction.end(Int(id), .completed, jobId: job.id, in: context)
        server.plan = plan
        server.updatedAt = context.now
        try server.savePlan(in: context)
        try ServerLifecycle.move(&server, to: resumeState(payload), in: context)
        return .string("Server \(server.id) resized to \(plan.name)")
    }

    @Sendable static func failed(_ context: TenantContext, _ job: JobRecord, _ reason: String) throws {
        let payload = job.payload
        guard let id = payload["action"]?.intValue,
            try ServerAction.end(Int(id), .failed, error: reason, jobId: job.id, in: context)
        else { return }
        if let charged = payload["charged"]?.doubleValue, charged > 0 { try context.charge(euros: -charged) }
        if var server = try VPSServer.findIfExists(.id(job.resourceId), in: context), server.status == .resizing {
            try ServerLifecycle.move(&server, to: resumeState(payload), in: context)
        }
    }

    private static func resumeState(_ payload: JSONValue) -> ServerStatus {
        payload["resume"]?.stringValue == ServerStatus.stopped.rawValue ? .stopped : .active
    }
}

extension VPSOrgModel {
    /// `POST /servers/{id}/resize/`.
    public func resize(_ reference: ServerReference, to plan: Plan, in context: TenantContext) throws -> ServerAction {
        try ServerResize.begin(reference, to: plan, catalog: catalog, in: context)
    }
}
