import APIKit
import Reseller
import SandboxCore

/// A VM's scheduled tasks, with Laravel's timestamps (`2022-07-13T15:35:48.000000Z`).
enum ScheduledTaskPresenter {
    static let task = Presenter<ScheduledTask>.object(
        "ScheduledTask",
        [
            .int("id", .id) { $0.id },
            .string("interval", .choice(ScheduledTasks.Interval.allCases.map(\.rawValue))) { $0.interval.rawValue },
            .string("command", .choice(ScheduledTasks.Command.allCases.map(\.rawValue))) { $0.command.rawValue },
            PresentedProperty("execution_last", Schema.dateTime.orNull) { .string($0.lastExecution.map(Timestamp.laravel)) },
            .string("execution_next", .dateTime) { Timestamp.laravel($0.nextExecution) },
        ])
}
