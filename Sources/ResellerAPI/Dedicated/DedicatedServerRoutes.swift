import APIKit
import HTTP1
import Reseller

/// Per-server routes (`/datacenter/dedicated/{sid}/...`).
enum DedicatedServerRoutes {
    static func routes(catalog: DedicatedCatalog, consoles: ConsoleTickets) -> [APIRoute] {
        let prefix = "/datacenter/dedicated/{sid:int}"
        let done = ResellerAPI.result(.constant(true))
        let reinstall = DedicatedReinstallInput(catalog: catalog)
        return [
            .tenant(.PUT, "\(prefix)/start", "Start a dedicated server", answer: done) { request, _ in
                try DedicatedPower.start(request.intParameter("sid"), in: request.context)
            },
            .tenant(.PUT, "\(prefix)/shutdown", "Shut down a dedicated server", answer: done) { request, _ in
                try DedicatedPower.shutdown(request.intParameter("sid"), in: request.context)
            },
            .tenant(.PUT, "\(prefix)/reboot", "Reboot a dedicated server", answer: done) { request, _ in
                try DedicatedPower.reboot(request.intParameter("sid"), in: request.context)
            },
            .tenant(
                .PUT, "\(prefix)/reinstall", "Reinstall a dedicated server", input: reinstall.declaration, answer: done
            ) { request, input in
                try DedicatedInstallation.reinstall(request.intParameter("sid"), try reinstall.order(input), in: request.context)
            },
            .tenant(
                .GET, "\(prefix)/console", "noVNC console URL (valid 10 s)",
                answer: ResellerAPI.result(Presenter(schema: .string(format: "uri")) { .string($0) })
            ) { request, _ in
                let ticket = try DedicatedServers.console(request.intParameter("sid"), tickets: consoles, in: request.context)
                return ticket.url(host: ConsolePageRoutes.host(of: request.http))
            },
            .tenant(
                .GET, "\(prefix)/status", "Dedicated server status", answer: ResellerAPI.result(DedicatedPresenter.status)
            ) { request, _ in
                try DedicatedServers.status(request.intParameter("sid"), in: request.context)
            },
            .tenant(
                .GET, "\(prefix)/config", "Dedicated server configuration", answer: ResellerAPI.result(DedicatedPresenter.config)
            ) { request, _ in
                try DedicatedServers.config(request.intParameter("sid"), in: request.context)
            },
            .tenant(
                .PUT, "\(prefix)/rdns", "Set reverse DNS of a dedicated server IP", input: DedicatedReverseDNSInput.declaration,
                answer: done
            ) { request, input in
                try DedicatedServers.setReverseDNS(
                    request.intParameter("sid"), try DedicatedReverseDNSInput.order(input), in: request.context)
            },
            .tenant(
                .GET, "\(prefix)/installation", "Dedicated server installation status",
                answer: ResellerAPI.result(DedicatedPresenter.installation)
            ) { request, _ in
                try DedicatedInstallation.describe(request.intParameter("sid"), in: request.context)
            },
            .tenant(.POST, "\(prefix)/terminate", "Terminate a dedicated server at once", answer: done) { request, _ in
                try DedicatedServers.terminate(request.intParameter("sid"), in: request.context)
            },
        ]
    }
}
