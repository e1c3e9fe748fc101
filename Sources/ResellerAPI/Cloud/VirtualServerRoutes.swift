import APIKit
import HTTP1
import Reseller
import StructuredData

/// Create, list, status, config and reinstall of cloud servers.
enum VirtualServerRoutes {
    static func routes(model: ResellerModel) -> [APIRoute] {
        let catalog = model.cloud
        return [
            .tenant(.POST, "/datacenter/server", "Create a VM (starts an install job)") { request in
                let job = try VirtualServerProvisioning.create(try request.fields(), catalog: catalog, in: request.context)
                return ResellerAPI.result(JobPresenter.queued.render(job))
            },
            .tenant(.GET, "/datacenter/server", "List VM IDs") { request in
                ResellerAPI.result(.array(try VirtualServers.ids(in: request.context).map { .int($0) }))
            },
            .tenant(.GET, "/datacenter/server/{sid:int}/status", "VM status and metrics") { request in
                ResellerAPI.result(try VirtualServerMetrics.status(request.intParameter("sid"), in: request.context))
            },
            .tenant(.GET, "/datacenter/server/{sid:int}/config", "VM configuration") { request in
                ResellerAPI.result(try VirtualServers.find(request.intParameter("sid"), in: request.context).config)
            },
            .tenant(.PUT, "/datacenter/server/{sid:int}/reinstall", "Reinstall a VM (starts a job)") { request in
                let job = try VirtualServerProvisioning.reinstall(
                    request.intParameter("sid"), try request.fields(), catalog: catalog, in: request.context)
                return ResellerAPI.result(JobPresenter.queued.render(job))
            },
        ]
    }
}
