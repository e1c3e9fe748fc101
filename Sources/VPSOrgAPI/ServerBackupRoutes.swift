import APIKit
import HTTP1
import SandboxCore
import VPSOrg

/// `POST /servers/{id}/backup/` and `/snapshot/`, which answer the action (202), and the
/// server's backups and snapshots, newest first.
enum ServerBackupRoutes {
    static func routes(model: VPSOrgModel) -> [APIRoute] {
        let accepted = ServerActionPresenter.accepted
        return [
            .tenant(.POST, VPSOrgAPI.servers + "/{server_id}/backup", "Back the server up (no body)", answer: accepted) { request, _ in
                try model.takeBackup(.backup, of: ServerActionRoutes.reference(request), label: nil, in: request.context)
            },
            .tenant(
                .POST, VPSOrgAPI.servers + "/{server_id}/snapshot", "Take a snapshot (optional label)", input: ServerBackupInput.snapshot,
                before: { try ServerActionRoutes.requireServer(model, $0) }, answer: accepted
            ) { request, input in
                try model.takeBackup(
                    .snapshot, of: ServerActionRoutes.reference(request), label: input[ServerBackupInput.label], in: request.context)
            },
            list(.backup, model: model, "/backups", "The server's backups, newest first (page, page_size)"),
            list(.snapshot, model: model, "/snapshots", "The server's snapshots, newest first (page, page_size)"),
        ]
    }

    private static func list(_ kind: ServerBackup.Kind, model: VPSOrgModel, _ path: String, _ summary: String) -> APIRoute {
        .tenant(
            .GET, VPSOrgAPI.servers + "/{server_id}" + path, summary, input: ServerBackupInput.list,
            answer: .json(ServerBackupPresenter.page)
        ) { request, input in
            let context = request.context
            let server = ServerActionRoutes.reference(request)
            let page = try PageRequest(
                page: input[PageInput.page], size: input[PageInput.pageSize], count: model.countBackups(kind, of: server, in: context))
            return page.page(try model.backups(kind, of: server, offset: page.offset, limit: page.size, in: context), request: request.http)
        }
    }
}
