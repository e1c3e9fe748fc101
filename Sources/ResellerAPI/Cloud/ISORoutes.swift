import APIKit
import HTTP1
import Reseller

/// `/datacenter/server/{sid}/iso`: list, insert and eject ISO images.
enum ISORoutes {
    static func routes(model: ResellerModel) -> [APIRoute] {
        let catalog = model.cloud
        let input = ISOInput(catalog: catalog)
        return [
            .tenant(
                .GET, "/datacenter/server/{sid:int}/iso", "Available ISO images",
                answer: ResellerAPI.result(ISOPresenter.image.list)
            ) { request, _ in
                try ISOMedia.available(for: request.intParameter("sid"), catalog: catalog, in: request.context)
            },
            .tenant(
                .POST, "/datacenter/server/{sid:int}/iso", "Insert an ISO (a running VM reboots)", input: input.declaration,
                answer: .json(ISOPresenter.inserted)
            ) { request, values in
                try ISOMedia.insert(request.intParameter("sid"), isoId: try values.required(input.isoId), in: request.context)
            },
            .tenant(.DELETE, "/datacenter/server/{sid:int}/iso", "Eject the ISO", answer: ResellerAPI.result(.constant(true))) {
                request, _ in
                try ISOMedia.eject(request.intParameter("sid"), in: request.context)
            },
        ]
    }
}
