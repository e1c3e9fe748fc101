import APIKit
import HTTP1
import Reseller

/// The software catalogue, install/uninstall jobs (on VMs and dedicated servers) and a VM's
/// installed software.
enum SoftwareRoutes {
    static func routes(model: ResellerModel) -> [APIRoute] {
        let input = SoftwareInput(catalog: model.cloud)
        return [
            .tenant(
                .GET, "/software/list", "Installable software",
                answer: ResellerAPI.result(SoftwarePresenter.package.list).always(model.cloud.software)
            ) { _, _ in },
            .tenant(
                .POST, "/software/install", "Install software over SSH on a VM or dedicated server (starts a job)",
                input: input.declaration, answer: JobPresenter.started
            ) { request, values in
                try SoftwareInstallations.install(try input.order(values), in: request.context)
            },
            .tenant(
                .POST, "/software/uninstall", "Uninstall software over SSH on a VM or dedicated server (starts a job)",
                input: input.declaration, answer: JobPresenter.started
            ) { request, values in
                try SoftwareInstallations.uninstall(try input.order(values), in: request.context)
            },
            .tenant(
                .GET, "/datacenter/server/{sid:int}/software", "Software on a VM",
                answer: ResellerAPI.result(SoftwarePresenter.installed.list)
            ) { request, _ in
                try SoftwareInstallations.list(request.intParameter("sid"), in: request.context)
            },
        ]
    }
}
