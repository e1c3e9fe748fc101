import SandboxCore
import StructuredData

/// A power action and its state rules, shared by the document's start/stop/reboot and the
/// clients' `POST /servers/{id}/power/`.
public enum PowerAction: String, Sendable, CaseIterable {
    case start, stop, restart
    /// Cuts the power: seconds, not the graceful shutdown's tens of seconds.
    case hardStop = "hard_stop"

    /// Why a server in `status` cannot take the action; nil when it can.
    func refusal(_ status: ServerStatus) -> String? {
        switch (self, status) {
        case (_, .provisioning): return "Server is still being provisioned."
        case (_, .suspended): return "Server is suspended."
        case (_, .resizing): return "Server is being resized."
        case (.start, .stopped): return nil
        case (.start, .active), (.start, .starting), (.start, .rebooting): return "Server is already running."
        case (.start, .stopping): return "Server is stopping; start it once it is stopped."
        case (.stop, .active), (.stop, .starting), (.stop, .rebooting): return nil
        case (.stop, .stopping): return "Server is already stopping."
        case (.hardStop, .active), (.hardStop, .starting), (.hardStop, .rebooting), (.hardStop, .stopping): return nil
        case (.stop, .stopped), (.hardStop, .stopped): return "Server is already stopped."
        case (.restart, .active): return nil
        case (.restart, _): return "Server is not active."
        }
    }

    /// The state while the action runs, and the one it ends in.
    var during: ServerStatus {
        switch self {
        case .start: .starting
        case .stop, .hardStop: .stopping
        case .restart: .rebooting
        }
    }

    var result: ServerStatus { self == .start || self == .restart ? .active : .stopped }

    var kind: ServerAction.Kind {
        switch self {
        case .start: .start
        case .stop: .stop
        case .restart: .restart
        case .hardStop: .hardStop
        }
    }

    var millis: ClosedRange<Int> { self == .hardStop ? 1_000...3_000 : ServerLifecycle.powerActionMillis }
}

/// The clients' power actions: a job per action; the server is in the action's transitional
/// state until the job ends, then in its result (or back where it was, if the job fails).
enum ServerPower {
    static let job = "vpsorg.server.power"

    static func register(in scheduler: Scheduler) {
        scheduler.register(JobKind(job, complete: finish, fail: failed))
    }

    static func begin(_ action: PowerAction, on reference: ServerReference, in context: TenantContext) throws -> ServerAction {
        var server = try VPSServer.find(reference, in: context)
        if let reason = action.refusal(server.status) { throw DomainError.conflict(reason) }
        let resume = server.status
        if action == .stop || action == .hardStop { try interrupt(server, by: action, in: context) }
        try ServerLifecycle.move(&server, to: action.during, in: context)
        return try ServerAction.begin(
            action.kind, on: server, job: job, runsFor: Int64(context.random.int(in: action.millis)),
            payload: [
                ("during", .string(action.during.rawValue)), ("to", .string(action.result.rawValue)),
                ("resume", .string(resume.rawValue)),
            ], in: context)
    }

    /// A stop ends any start, restart or stop in progress: the document's (a pending settle
    /// timer) and the clients' (their jobs fail, saying why).
    static func interrupt(_ server: VPSServer, by action: PowerAction, in context: TenantContext) throws {
        try context.cancelTimers(resourceType: VPSServer.resourceType, resourceId: server.id, kinds: [ServerLifecycle.settleTimer])
        let reason = "Interrupted by \(action == .hardStop ? "a hard stop" : "a stop")."
        for running in try context.jobs(resourceType: VPSServer.resourceType, resourceId: server.id, activeOnly: true)
        where running.kind == job {
            if let id = running.payload["action"]?.intValue {
                try ServerAction.end(Int(id), .failed, error: reason, jobId: running.id, in: context)
            }
            try context.failJob(running.id, output: reason)
        }
    }

    @Sendable static func finish(_ context: TenantContext, _ job: JobRecord) throws -> JSONValue {
        let payload = job.payload
        guard let id = payload["action"]?.intValue,
            try ServerAction.end(Int(id), .completed, jobId: job.id, in: context)
        else { return .string("Interrupted") }
        if var server = try VPSServer.findIfExists(.id(job.resourceId), in: context), server.status.rawValue == payload["during"]?.stringValue,
            let to = payload["to"]?.stringValue.flatMap(ServerStatus.init(rawValue:))
        {
            try ServerLifecycle.move(&server, to: to, in: context)
        }
        return .string("Server \(job.resourceId) is \(payload["to"]?.stringValue ?? "")")
    }

    /// A failed action leaves the server where it was before.
    @Sendable static func failed(_ context: TenantContext, _ job: JobRecord, _ reason: String) throws {
        let payload = job.payload
        guard let id = payload["action"]?.intValue,
            try ServerAction.end(Int(id), .failed, error: reason, jobId: job.id, in: context)
        else { return }
        if var server = try VPSServer.findIfExists(.id(job.resourceId), in: context), server.status.rawValue == payload["during"]?.stringValue,
            let resume = payload["resume"]?.stringValue.flatMap(ServerStatus.init(rawValue:))
        {
            try ServerLifecycle.move(&server, to: resume, in: context)
        }
    }
}

extension VPSOrgModel {
    /// `POST /servers/{id}/power/`: 409 where the server's state forbids the action.
    public func power(_ action: PowerAction, _ reference: ServerReference, in context: TenantContext) throws -> ServerAction {
        try ServerPower.begin(action, on: reference, in: context)
    }
}
