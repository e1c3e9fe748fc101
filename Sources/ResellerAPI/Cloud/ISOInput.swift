import APIKit
import Reseller

/// The one field of `POST .../iso`: an id of the ISO catalogue.
struct ISOInput: Sendable {
    let isoId: Field<String>

    init(catalog: CloudCatalog) {
        let ids = catalog.isos.map(\.id)
        isoId = Field.choice(
            "isoId", ids, rule: "isoId must be one of the ids of GET /datacenter/server/{sid}/iso (\(ids.joined(separator: ", ")))"
        ).documented("ISO ID to insert", example: ids.first.map { .string($0) })
    }

    var declaration: InputDeclaration { InputDeclaration(.laravel, [AnyField(isoId)]) }
}
