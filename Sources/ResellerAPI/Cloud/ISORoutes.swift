import APIKit
import HTTP1
import Reseller
import StructuredData

/// `/datacenter/server/{sid}/iso`: list, insert and eject ISO images.
enum ISORoutes {
    static func routes(model: ResellerModel) -> [APIRoute] {
        let catalog = model.cloud
        return [
            .tenant(.GET, "/datacenter/server/{sid:int}/iso", "Available ISO images") { request in
                let isos = try ISOMedia.available(for: request.intParameter("sid"), catalog: catalog, in: request.context)
                return ResellerAPI.result(.array(isos.map { ["id": .string($0.id), "name": .string($0.name)] }))
            },
            // The documents' shape: `rebooted` beside `result`.
            .tenant(.POST, "/datacenter/server/{sid:int}/iso", "Insert an ISO (a running VM reboots)") { request in
                let rebooted = try ISOMedia.insert(
                    request.intParameter("sid"), try request.fields(), catalog: catalog, in: request.context)
                return .json(["result": true, "rebooted": .bool(rebooted)])
            },
            .tenant(.DELETE, "/datacenter/server/{sid:int}/iso", "Eject the ISO") { request in
                try ISOMedia.eject(request.intParameter("sid"), in: request.context)
                return ResellerAPI.result(true)
            },
        ]
    }
}
