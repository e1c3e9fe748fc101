import APIKit
import HTTP1
import Reseller

/// Create, list, status, config and reinstall of cloud servers.
enum VirtualServerRoutes {
    static func routes(model: ResellerModel) -> [APIRoute] {
        let catalog = model.cloud
        let input = VirtualServerInput(catalog: catalog)
        return [
            .tenant(
                .POST, "/datacenter/server", "Create a VM (starts an install job)", input: input.create,
                answer: JobPresenter.started
            ) { request, values in
                try VirtualServerProvisioning.create(try input.order(values), catalog: catalog, in: request.context)
            },
            .tenant(.GET, "/datacenter/server", "List VM IDs", answer: ResellerAPI.result(VirtualServerPresenter.ids)) { request, _ in
                try VirtualServers.ids(in: request.context)
            },
            .tenant(
                .GET, "/datacenter/server/{sid:int}/status", "VM status and metrics",
                answer: ResellerAPI.result(VirtualServerPresenter.status)
            ) { request, _ in
                try VirtualServerMetrics.status(request.intParameter("sid"), in: request.context)
            },
            .tenant(
                .GET, "/datacenter/server/{sid:int}/config", "VM configuration", answer: ResellerAPI.result(VirtualServerPresenter.config)
            ) { request, _ in
                try VirtualServers.find(request.intParameter("sid"), in: request.context)
            },
            .tenant(
                .PUT, "/datacenter/server/{sid:int}/reinstall", "Reinstall a VM (starts a job)", input: input.reinstall,
                answer: JobPresenter.started
            ) { request, values in
                try VirtualServerProvisioning.reinstall(
                    request.intParameter("sid"), input.reinstallation(values), in: request.context)
            },
        ]
    }
}
