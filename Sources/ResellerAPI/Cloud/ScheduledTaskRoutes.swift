import APIKit
import HTTP1
import Reseller

/// `/datacenter/server/{sid}/scheduled`: recurring RESTART, BACKUP, SHUTDOWN and START tasks.
enum ScheduledTaskRoutes {
    static func routes() -> [APIRoute] {
        [
            .tenant(
                .GET, "/datacenter/server/{sid:int}/scheduled", "Scheduled tasks",
                answer: ResellerAPI.result(ScheduledTaskPresenter.task.list)
            ) { request, _ in
                try ScheduledTasks.list(request.intParameter("sid"), in: request.context)
            },
            .tenant(
                .POST, "/datacenter/server/{sid:int}/scheduled", "Create a scheduled task", input: ScheduledTaskInput.declaration,
                answer: ResellerAPI.result(.constant(true))
            ) { request, values in
                try ScheduledTasks.create(
                    request.intParameter("sid"), command: try values.required(ScheduledTaskInput.command),
                    interval: try values.required(ScheduledTaskInput.interval), in: request.context)
            },
            .tenant(
                .DELETE, "/datacenter/server/{sid:int}/scheduled/{task:int}", "Delete a scheduled task",
                answer: ResellerAPI.result(.constant(true))
            ) { request, _ in
                try ScheduledTasks.delete(request.intParameter("task"), of: request.intParameter("sid"), in: request.context)
            },
        ]
    }
}
