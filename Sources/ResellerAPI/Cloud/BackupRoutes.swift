import APIKit
import HTTP1
import Reseller

/// `/datacenter/server/{sid}/backups/...`: create, status, list, restore and delete.
enum BackupRoutes {
    static func routes() -> [APIRoute] {
        [
            .tenant(
                .PUT, "/datacenter/server/{sid:int}/backups/create", "Start a backup (one at a time)",
                answer: ResellerAPI.result(.constant(true))
            ) { request, _ in
                try ServerBackups.create(request.intParameter("sid"), in: request.context)
            },
            .tenant(
                .GET, "/datacenter/server/{sid:int}/backups/status", "Status of the latest backup",
                answer: ResellerAPI.result(BackupPresenter.status)
            ) { request, _ in
                try ServerBackups.status(request.intParameter("sid"), in: request.context)
            },
            .tenant(
                .GET, "/datacenter/server/{sid:int}/backups/list", "Finished backups, newest first",
                answer: ResellerAPI.result(BackupPresenter.stamps)
            ) { request, _ in
                try ServerBackups.list(request.intParameter("sid"), in: request.context)
            },
            // The documents' answer: the restore is a job, hence "pending".
            .tenant(
                .POST, "/datacenter/server/{sid:int}/backups/restore", "Restore a backup (starts a job)",
                input: BackupInput.declaration, answer: ResellerAPI.result(.constant("pending"))
            ) { request, values in
                try ServerBackups.restore(
                    request.intParameter("sid"), backup: Int64(try values.required(BackupInput.backup)), in: request.context)
            },
            .tenant(
                .POST, "/datacenter/server/{sid:int}/backups/delete", "Delete a backup", input: BackupInput.declaration,
                answer: ResellerAPI.result(.constant(true))
            ) { request, values in
                try ServerBackups.delete(
                    request.intParameter("sid"), backup: Int64(try values.required(BackupInput.backup)), in: request.context)
            },
        ]
    }
}
