import APIKit
import HTTP1
import Reseller
import StructuredData

/// `/datacenter/server/{sid}/scheduled`: recurring RESTART, BACKUP, SHUTDOWN and START tasks.
enum ScheduledTaskRoutes {
    static func routes() -> [APIRoute] {
        [
            .tenant(.GET, "/datacenter/server/{sid:int}/scheduled", "Scheduled tasks") { request in
                ResellerAPI.result(.array(try ScheduledTasks.list(request.intParameter("sid"), in: request.context)))
            },
            .tenant(.POST, "/datacenter/server/{sid:int}/scheduled", "Create a scheduled task") { request in
                try ScheduledTasks.create(request.intParameter("sid"), try request.fields(), in: request.context)
                return ResellerAPI.result(true)
            },
            .tenant(.DELETE, "/datacenter/server/{sid:int}/scheduled/{task:int}", "Delete a scheduled task") { request in
                try ScheduledTasks.delete(request.intParameter("task"), of: request.intParameter("sid"), in: request.context)
                return ResellerAPI.result(true)
            },
        ]
    }
}
