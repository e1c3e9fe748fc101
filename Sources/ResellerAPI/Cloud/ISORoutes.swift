import APIKit
import HTTP1
import Reseller
import StructuredData

/// `/datacenter/server/{sid}/iso`: list, insert and eject ISO images.
enum ISORoutes {
    static let image = Presenter<ISOImage>.object("ISOImage", [.string("id") { $0.id }, .string("name") { $0.name }])

    /// The documents' shape: `rebooted` beside `result`.
    static let inserted = Presenter<Bool>.object([
        PresentedProperty("result", .constant(true)) { _ in true },
        .bool("rebooted") { $0 },
    ])

    static func routes(model: ResellerModel) -> [APIRoute] {
        let catalog = model.cloud
        let input = ISOInput(catalog: catalog)
        return [
            .tenant(.GET, "/datacenter/server/{sid:int}/iso", "Available ISO images", answer: ResellerAPI.result(image.list)) {
                request, _ in
                try ISOMedia.available(for: request.intParameter("sid"), catalog: catalog, in: request.context)
            },
            .tenant(
                .POST, "/datacenter/server/{sid:int}/iso", "Insert an ISO (a running VM reboots)", input: input.declaration,
                answer: .json(inserted)
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
