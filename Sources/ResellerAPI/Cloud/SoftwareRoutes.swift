import APIKit
import HTTP1
import Reseller
import StructuredData

/// The software catalogue, install/uninstall jobs and a VM's installed software.
enum SoftwareRoutes {
    static func routes(model: ResellerModel) -> [APIRoute] {
        let catalog = model.cloud
        // The documents show no item shape; the catalogue's own fields are listed.
        let packages = JSONWriter.bytes([
            "result": .array(
                catalog.software.map { package in
                    [
                        "package": .string(package.package), "name": .string(package.name),
                        "version": .string(package.version), "description": .string(package.description),
                    ]
                })
        ])
        return [
            .tenant(.GET, "/software/list", "Installable software") { _ in .json(bytes: packages) },
            .tenant(.POST, "/software/install", "Install software over SSH (starts a job)") { request in
                let job = try SoftwareInstallations.install(try request.fields(), catalog: catalog, in: request.context)
                return ResellerAPI.result(JobPresenter.queued.render(job))
            },
            .tenant(.POST, "/software/uninstall", "Uninstall software over SSH (starts a job)") { request in
                let job = try SoftwareInstallations.uninstall(try request.fields(), catalog: catalog, in: request.context)
                return ResellerAPI.result(JobPresenter.queued.render(job))
            },
            .tenant(.GET, "/datacenter/server/{sid:int}/software", "Software on a VM") { request in
                ResellerAPI.result(.array(try SoftwareInstallations.list(request.intParameter("sid"), in: request.context)))
            },
        ]
    }
}
