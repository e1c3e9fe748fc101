/// The registry of what can fall due: timer actions (lifecycle transitions, scheduled
/// tasks) and job kinds. Models register at start-up; afterwards it is read-only, so it is
/// shared across threads without locks.
public final class Scheduler: @unchecked Sendable {
    public typealias TimerAction = @Sendable (TenantContext, DueTimer) throws -> Void

    private var actions: [String: TimerAction] = [:]
    private var jobKinds: [String: JobKind] = [:]
    private var sealed = false

    public init() {}

    public func onTimer(_ kind: String, _ action: @escaping TimerAction) {
        precondition(!sealed && actions[kind] == nil, "timer kind \(kind) registered twice or too late")
        actions[kind] = action
    }

    public func register(_ kind: JobKind) {
        precondition(!sealed && jobKinds[kind.name] == nil, "job kind \(kind.name) registered twice or too late")
        jobKinds[kind.name] = kind
    }

    func seal() { sealed = true }

    func action(for kind: String) -> TimerAction? { actions[kind] }

    func jobKind(_ name: String) -> JobKind? { jobKinds[name] }
}

/// Built-in timer kinds that drive jobs.
enum JobTimer {
    static let start = "job.start"
    static let finish = "job.finish"
}
