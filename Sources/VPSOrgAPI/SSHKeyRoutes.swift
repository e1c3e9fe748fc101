import APIKit
import HTTP1
import SandboxCore
import VPSOrg

/// `/api/v1/ssh-keys/`: list, add, detail and delete the account's SSH keys (by uuid).
enum SSHKeyRoutes {
    static func routes(model: VPSOrgModel) -> [APIRoute] {
        [
            .tenant(.GET, VPSOrgAPI.sshKeys, "List SSH keys (page, page_size)", input: SSHKeyInput.list, answer: .json(SSHKeyPresenter.page)) {
                request, input in
                let context = request.context
                let page = try PageRequest(
                    page: input[PageInput.page], size: input[PageInput.pageSize], count: model.countSSHKeys(in: context))
                return page.page(try model.sshKeys(offset: page.offset, limit: page.size, in: context), request: request.http)
            },
            .tenant(
                .POST, VPSOrgAPI.sshKeys, "Add an SSH key (name, public_key)", input: SSHKeyInput.create,
                answer: .json(SSHKeyPresenter.item, status: .created, "Added")
            ) { request, input in
                let sent = try SSHKeyInput.key(input)
                return try model.addSSHKey(name: sent.name, key: sent.key, in: request.context)
            },
            .tenant(.GET, VPSOrgAPI.sshKeys + "/{key_id}", "SSH key details", answer: .json(SSHKeyPresenter.item)) { request, _ in
                try model.sshKey(request.parameter("key_id"), in: request.context)
            },
            .tenant(.DELETE, VPSOrgAPI.sshKeys + "/{key_id}", "Delete an SSH key (servers keep it installed)", answer: .empty()) {
                request, _ in
                try model.deleteSSHKey(request.parameter("key_id"), in: request.context)
            },
        ]
    }
}
