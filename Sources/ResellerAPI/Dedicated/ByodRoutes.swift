import APIKit
import HTTP1
import Reseller
import SandboxCore
import StructuredData

/// Build-your-own dedicated servers: parts, ordering, order status.
enum ByodRoutes {
    static func routes(catalog: DedicatedCatalog) -> [APIRoute] {
        [
            .tenant(.GET, "/datacenter/dedicated/market/parts", "List BYOD parts with stock") { request in
                ResellerAPI.result(try ByodOrder.parts(catalog, in: request.context))
            },
            .tenant(.POST, "/datacenter/dedicated/order/byod", "Order a BYOD dedicated server") { request in
                let fields = try request.fields()
                var unreadable = FieldErrors()
                let order = ByodOrder.Request(
                    parts: try unreadable.reading { try parts(in: fields) } ?? [],
                    template: try unreadable.reading { try fields.string("template") },
                    hostname: try unreadable.reading { try fields.string("hostname") },
                    ipCount: try unreadable.reading { try fields.int("ipCount", in: ByodOrder.ipCounts, required: false) },
                    unreadable: unreadable)
                return ResellerAPI.result(.int(try ByodOrder.place(order, catalog: catalog, in: request.context)))
            },
            .tenant(.GET, "/datacenter/dedicated/order/byod/status/{id:int}", "BYOD order status") { request in
                ResellerAPI.result(try ByodOrder.status(request.intParameter("id"), in: request.context))
            },
        ]
    }

    /// The parts however clients send them: a JSON object (`{"parts": {"cpu": 38}}`), a form
    /// body (`parts[cpu]=38`, decoded into the same object), the documented flat JSON keys
    /// (`{"parts[cpu]": 38}`), or a plain list of part IDs (`parts[]=38&parts[]=29`).
    /// The nested form wins over a flat key for the same kind; empty values count as absent.
    static func parts(in fields: InputFields) throws -> [(kind: String?, id: Int)] {
        var parts: [(kind: String?, id: Int)] = []
        switch fields.object["parts"] {
        case .object(let object)?:
            for (kind, value) in object.entries {
                if let id = try partId(value, field: "parts[\(kind)]") { parts.append((kind, id)) }
            }
        case .array(let items)?:
            for (index, value) in items.enumerated() {
                if let id = try partId(value, field: "parts[\(index)]") { parts.append((nil, id)) }
            }
        case nil, .null?, .string("")?:
            break
        default:
            throw DomainError.invalid(
                "parts", "parts must be an object of part ids by kind, such as {\"cpu\": 38, \"ram\": 29}")
        }
        for (key, value) in fields.object.entries where key.hasPrefix("parts[") && key.hasSuffix("]") && key.count > 7 {
            let kind = String(key.dropFirst(6).dropLast())
            guard !parts.contains(where: { $0.kind == kind }), let id = try partId(value, field: key) else { continue }
            parts.append((kind, id))
        }
        return parts
    }

    private static func partId(_ value: JSONValue, field: String) throws -> Int? {
        try InputFields(JSONObject([(field, value)])).int(field)
    }
}
