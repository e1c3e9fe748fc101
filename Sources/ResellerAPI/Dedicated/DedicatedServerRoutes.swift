import APIKit
import HTTP1
import Reseller

/// Per-server routes (`/datacenter/dedicated/{sid}/...`).
enum DedicatedServerRoutes {
    static func routes(catalog: DedicatedCatalog, consoles: ConsoleTickets) -> [APIRoute] {
        let prefix = "/datacenter/dedicated/{sid:int}"
        return [
            .tenant(.PUT, "\(prefix)/start", "Start a dedicated server") { request in
                try DedicatedPower.start(request.intParameter("sid"), in: request.context)
                return ResellerAPI.result(true)
            },
            .tenant(.PUT, "\(prefix)/shutdown", "Shut down a dedicated server") { request in
                try DedicatedPower.shutdown(request.intParameter("sid"), in: request.context)
                return ResellerAPI.result(true)
            },
            .tenant(.PUT, "\(prefix)/reboot", "Reboot a dedicated server") { request in
                try DedicatedPower.reboot(request.intParameter("sid"), in: request.context)
                return ResellerAPI.result(true)
            },
            .tenant(.PUT, "\(prefix)/reinstall", "Reinstall a dedicated server") { request in
                let fields = try request.fields()
                try DedicatedInstallation.reinstall(
                    request.intParameter("sid"), template: try fields.string("template"),
                    hostname: try fields.string("hostname"), catalog: catalog, in: request.context)
                return ResellerAPI.result(true)
            },
            .tenant(.GET, "\(prefix)/console", "noVNC console URL (valid 10 s)") { request in
                let ticket = try DedicatedServers.console(
                    request.intParameter("sid"), tickets: consoles, in: request.context)
                return ResellerAPI.result(.string(ticket.url(host: ConsolePageRoutes.host(of: request.http))))
            },
            .tenant(.GET, "\(prefix)/status", "Dedicated server status") { request in
                ResellerAPI.result(try DedicatedServers.status(request.intParameter("sid"), in: request.context))
            },
            .tenant(.GET, "\(prefix)/config", "Dedicated server configuration") { request in
                ResellerAPI.result(try DedicatedServers.config(request.intParameter("sid"), in: request.context))
            },
            .tenant(.PUT, "\(prefix)/rdns", "Set reverse DNS of a dedicated server IP") { request in
                let fields = try request.fields()
                try DedicatedServers.setReverseDNS(
                    request.intParameter("sid"), ip: try fields.string("ip"), hostname: try fields.string("hostname"),
                    in: request.context)
                return ResellerAPI.result(true)
            },
            .tenant(.GET, "\(prefix)/installation", "Dedicated server installation status") { request in
                ResellerAPI.result(try DedicatedInstallation.describe(request.intParameter("sid"), in: request.context))
            },
            .tenant(.POST, "\(prefix)/terminate", "Terminate a dedicated server at once") { request in
                try DedicatedServers.terminate(request.intParameter("sid"), in: request.context)
                return ResellerAPI.result(true)
            },
        ]
    }
}
