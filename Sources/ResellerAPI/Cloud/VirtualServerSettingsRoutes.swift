import APIKit
import HTTP1
import Reseller

/// Change, delete, root password, reverse DNS and outgoing-mail firewall of a VM.
enum VirtualServerSettingsRoutes {
    typealias Input = VirtualServerSettingsInput

    static func routes() -> [APIRoute] {
        [
            .tenant(
                .PUT, "/datacenter/server/{sid:int}/change", "Up-/downgrade a VM", input: VirtualServerInput.change,
                answer: ResellerAPI.result(.constant(true))
            ) { request, values in
                try VirtualServerSettings.change(request.intParameter("sid"), VirtualServerInput.resize(values), in: request.context)
            },
            .tenant(
                .POST, "/datacenter/server/{sid:int}/delete", "Delete a VM", input: Input.delete,
                answer: ResellerAPI.result(.constant(true))
            ) { request, values in
                try VirtualServerSettings.delete(request.intParameter("sid"), force: values[Input.force] ?? false, in: request.context)
            },
            .tenant(
                .PUT, "/datacenter/server/{sid:int}/password/reset", "Reset the root password", input: Input.passwordReset,
                answer: ResellerAPI.result(VirtualServerPresenter.newPassword)
            ) { request, values in
                try VirtualServerSettings.resetPassword(request.intParameter("sid"), to: values[Input.password], in: request.context)
            },
            .tenant(
                .POST, "/datacenter/server/{sid:int}/rdns", "Set reverse DNS of an IPv4 address", input: Input.reverseDNS,
                answer: ResellerAPI.result(.constant(true))
            ) { request, values in
                try VirtualServerSettings.setReverseDNS(
                    request.intParameter("sid"), ip: try values.required(Input.reverseDNSAddress),
                    hostname: try values.required(Input.reverseDNSName), in: request.context)
            },
            .tenant(
                .POST, "/datacenter/server/{sid:int}/firewall/outgoing_mails", "Block or allow outgoing mail",
                input: Input.outgoingMail, answer: ResellerAPI.result(.constant(true))
            ) { request, values in
                try VirtualServerSettings.setOutgoingMail(
                    request.intParameter("sid"), deny: try values.required(Input.deny), in: request.context)
            },
        ]
    }
}
