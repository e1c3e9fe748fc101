import APIKit
import HTTP1
import Reseller

/// `/datacenter/server/{sid}/backups/...`: create, status, list, restore and delete.
enum BackupRoutes {
    static func routes() -> [APIRoute] {
        [
            .tenant(.PUT, "/datacenter/server/{sid:int}/backups/create", "Start a backup (one at a time)") { request in
                try ServerBackups.create(request.intParameter("sid"), in: request.context)
                return ResellerAPI.result(true)
            },
            .tenant(.GET, "/datacenter/server/{sid:int}/backups/status", "Status of the latest backup") { request in
                ResellerAPI.result(try ServerBackups.status(request.intParameter("sid"), in: request.context))
            },
            .tenant(.GET, "/datacenter/server/{sid:int}/backups/list", "Finished backups, newest first") { request in
                let stamps = try ServerBackups.list(request.intParameter("sid"), in: request.context)
                return ResellerAPI.result(.array(stamps.map { .int($0) }))
            },
            // The documents' answer: the restore is a job, hence "pending".
            .tenant(.POST, "/datacenter/server/{sid:int}/backups/restore", "Restore a backup (starts a job)") { request in
                try ServerBackups.restore(request.intParameter("sid"), try request.fields(), in: request.context)
                return ResellerAPI.result("pending")
            },
            .tenant(.POST, "/datacenter/server/{sid:int}/backups/delete", "Delete a backup") { request in
                try ServerBackups.delete(request.intParameter("sid"), try request.fields(), in: request.context)
                return ResellerAPI.result(true)
            },
        ]
    }
}
