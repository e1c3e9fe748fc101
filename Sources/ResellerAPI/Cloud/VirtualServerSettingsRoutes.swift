import APIKit
import HTTP1
import Reseller

/// Change, delete, root password, reverse DNS and outgoing-mail firewall of a VM.
enum VirtualServerSettingsRoutes {
    static func routes() -> [APIRoute] {
        [
            .tenant(.PUT, "/datacenter/server/{sid:int}/change", "Up-/downgrade a VM") { request in
                try VirtualServerSettings.change(request.intParameter("sid"), try request.fields(), in: request.context)
                return ResellerAPI.result(true)
            },
            .tenant(.POST, "/datacenter/server/{sid:int}/delete", "Delete a VM") { request in
                let force = try request.fields().bool("force") ?? false
                try VirtualServerSettings.delete(request.intParameter("sid"), force: force, in: request.context)
                return ResellerAPI.result(true)
            },
            .tenant(.PUT, "/datacenter/server/{sid:int}/password/reset", "Reset the root password") { request in
                let password = try VirtualServerSettings.resetPassword(
                    request.intParameter("sid"), try request.fields(), in: request.context)
                return ResellerAPI.result(["status": "success", "password": .string(password)])
            },
            .tenant(.POST, "/datacenter/server/{sid:int}/rdns", "Set reverse DNS of an IPv4 address") { request in
                try VirtualServerSettings.setReverseDNS(request.intParameter("sid"), try request.fields(), in: request.context)
                return ResellerAPI.result(true)
            },
            .tenant(.POST, "/datacenter/server/{sid:int}/firewall/outgoing_mails", "Block or allow outgoing mail") {
                request in
                try VirtualServerSettings.setOutgoingMail(request.intParameter("sid"), try request.fields(), in: request.context)
                return ResellerAPI.result(true)
            },
        ]
    }
}
