import SQLiteStore
import SandboxCore
import StructuredData

/// Recurring power and backup tasks of a VM (`scheduled_tasks`). Each task has one timer at
/// its `execution_next`; when it falls due the command runs, the task moves on by its
/// interval and the timer is set again, so advancing the clock by days runs every execution.
public enum ScheduledTasks {
    public enum Command: String, CaseIterable, Sendable {
        case restart = "RESTART", backup = "BACKUP", shutdown = "SHUTDOWN", start = "START"
    }

    public enum Interval: String, CaseIterable, Sendable {
        case daily = "DAILY", twoDays = "TWODAYS", threeDays = "THREEDAYS", weekly = "WEEKLY"
        case twoWeeks = "TWOWEEKS", monthly = "MONTHLY", twoMonths = "TWOMONTHS", threeMonths = "THREEMONTHS"

        /// The execution after `time`: days are 24 h; months are calendar months in UTC, a day
        /// the target month lacks becoming its last day (Jan 31 -> Feb 28).
        func next(after time: Int64) -> Int64 {
            switch self {
            case .daily: return time + 86_400_000
            case .twoDays: return time + 2 * 86_400_000
            case .threeDays: return time + 3 * 86_400_000
            case .weekly: return time + 7 * 86_400_000
            case .twoWeeks: return time + 14 * 86_400_000
            case .monthly: return CivilCalendar.adding(months: 1, to: time)
            case .twoMonths: return CivilCalendar.adding(months: 2, to: time)
            case .threeMonths: return CivilCalendar.adding(months: 3, to: time)
            }
        }
    }

    static let timer = "reseller.vm.scheduled-task"
    static let resourceType = "scheduled_task"

    /// `GET .../scheduled`, oldest task first.
    public static func list(_ serverId: Int, in context: TenantContext) throws -> [ScheduledTask] {
        let server = try VirtualServers.find(serverId, in: context)
        return try context.connection.query(
            "SELECT * FROM scheduled_tasks WHERE tenant_id = ? AND server_id = ? ORDER BY id", [context.tenantId, server.id]
        ).map { row in
            try ScheduledTask(
                id: row.int("id"), command: row.value("command", as: Command.self),
                interval: row.value("interval", as: Interval.self),
                lastExecution: row.optionalInt("execution_last").map(Int64.init), nextExecution: row.int64("execution_next"))
        }
    }

    /// `POST .../scheduled`: the first execution is one interval from now.
    @discardableResult
    public static func create(
        _ serverId: Int, command: Command, interval: Interval, in context: TenantContext
    ) throws -> Int {
        let server = try VirtualServers.find(serverId, in: context)
        let id = try context.nextID(resourceType, first: 1)
        let next = interval.next(after: context.now)
        try context.connection.run(
            """
            INSERT INTO scheduled_tasks (id, tenant_id, server_id, command, interval, execution_next, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            id, context.tenantId, server.id, command.rawValue, interval.rawValue, next, context.now)
        try schedule(task: id, of: server.id, at: next, in: context)
        try context.recordTransition(resourceType: resourceType, resourceId: id, from: nil, to: "scheduled")
        return id
    }

    /// `DELETE .../scheduled/{task}`: a task of another VM is a 404 like a missing one.
    public static func delete(_ taskId: Int, of serverId: Int, in context: TenantContext) throws {
        let server = try VirtualServers.find(serverId, in: context)
        guard try context.connection.first(
            "SELECT id FROM scheduled_tasks WHERE id = ? AND tenant_id = ? AND server_id = ?",
            taskId, context.tenantId, server.id) != nil
        else { throw DomainError.notFound("Scheduled task \(taskId) of server \(server.id) not found") }
        try context.connection.run("DELETE FROM scheduled_tasks WHERE id = ?", taskId)
        try context.recordTransition(resourceType: resourceType, resourceId: taskId, from: "scheduled", to: "deleted")
        // Timers are keyed by the VM (so deleting the VM drops them); set the survivors' again.
        try context.cancelTimers(resourceType: VirtualServer.resourceType, resourceId: server.id, kinds: [timer])
        for row in try context.connection.query(
            "SELECT id, execution_next FROM scheduled_tasks WHERE tenant_id = ? AND server_id = ?",
            [context.tenantId, server.id])
        {
            try schedule(task: row.int("id"), of: server.id, at: row.int64("execution_next"), in: context)
        }
    }

    static func register(in scheduler: Scheduler) {
        scheduler.onTimer(timer) { context, due in
            guard let taskId = due.payload["task"]?.intValue,
                let row = try context.connection.first(
                    "SELECT * FROM scheduled_tasks WHERE id = ? AND tenant_id = ?", Int(taskId), context.tenantId),
                try row.int64("execution_next") == due.dueAt
            else { return }
            let command = try row.value("command", as: Command.self)
            let interval = try row.value("interval", as: Interval.self)
            let outcome = try execute(task: row.int("id"), command: command, on: row.int("server_id"), in: context)
            let next = interval.next(after: due.dueAt)
            try context.connection.run(
                "UPDATE scheduled_tasks SET last_outcome = ?, execution_last = ?, execution_next = ? WHERE id = ?",
                outcome, due.dueAt, next, row.int("id"))
            try schedule(task: row.int("id"), of: row.int("server_id"), at: next, in: context)
        }
    }

    /// Runs the command and returns its outcome for `last_outcome`. A refusal (the VM is busy,
    /// a backup is still running) skips this execution, and the event stream says `skipped`.
    private static func execute(task: Int, command: Command, on serverId: Int, in context: TenantContext) throws -> String {
        var outcome = "executed"
        var skipped = false
        do {
            switch command {
            case .restart: try VirtualServerPower.perform(.reboot, on: serverId, in: context)
            case .shutdown: try VirtualServerPower.perform(.shutdown, on: serverId, in: context)
            case .start: try VirtualServerPower.perform(.start, on: serverId, in: context)
            case .backup: outcome = "executed: backup job \(try ServerBackups.create(serverId, in: context).id)"
            }
        } catch let refusal as DomainError {
            outcome = "skipped: \(refusal.message)"
            skipped = true
        }
        try context.recordTransition(
            resourceType: resourceType, resourceId: task, from: "scheduled", to: skipped ? "skipped" : "executed")
        return outcome
    }

    private static func schedule(task: Int, of serverId: Int, at time: Int64, in context: TenantContext) throws {
        try context.schedule(
            timer, at: time, payload: ["task": .int(task)], resourceType: VirtualServer.resourceType, resourceId: serverId)
    }
}

/// A recurring task of a VM, as `GET .../scheduled` lists it.
public struct ScheduledTask: Sendable {
    public let id: Int
    public let command: ScheduledTasks.Command
    public let interval: ScheduledTasks.Interval
    /// Sandbox times (ms); nil before the first execution.
    public let lastExecution: Int64?
    public let nextExecution: Int64
}
