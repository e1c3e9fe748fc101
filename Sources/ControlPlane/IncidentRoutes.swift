import APIKit
import Foundation
import HTTP1
import Reseller
import ResellerAPI
import SandboxCore
import StructuredData

/// `POST /_sandbox/incidents`: injects a network incident into one of the tenant's VMs,
/// visible in its `GET /api/v1/datacenter/server/{sid}/incidents`.
enum IncidentRoutes {
    static func routes() -> [APIRoute] {
        [
            .tenant(.POST, "/incidents", "Add a network incident to one of the tenant's VMs") { request in
                let fields = try request.fields()
                let serverId = try fields.int("serverId", in: 1...Int(Int32.max), required: true)!
                let impact = try fields.int("impact", in: 0...1_000_000_000, required: false) ?? 1000
                let ongoing = try fields.bool("ongoing") ?? false
                let host = try fields.string("host")
                let incident = try ServerIncidents.add(
                    serverId: serverId, types: try types(fields), impact: impact, direction: try direction(fields),
                    ongoing: ongoing, host: host, in: request.context)
                return .json(IncidentPresenter.incident.render(incident), status: .created)
            }
        ]
    }

    /// A list of names, or one comma-separated string.
    private static func types(_ fields: InputFields) throws -> [String] {
        let rule = "types must be a non-empty list of incident type names (e.g. [\"UDP Flood\"])"
        switch fields.object["types"] {
        case nil, .null?: return ["UDP Flood"]
        case .string(let text)?:
            let names = text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !names.isEmpty else { throw DomainError.invalid("types", rule) }
            return names
        case .array(let items)?:
            let names = items.compactMap(\.stringValue)
            guard !names.isEmpty, names.count == items.count else { throw DomainError.invalid("types", rule) }
            return names
        default: throw DomainError.invalid("types", rule)
        }
    }

    /// 1 (incoming) or 2 (outgoing); the words work too.
    private static func direction(_ fields: InputFields) throws -> Int {
        let rule = "direction must be 1 (incoming) or 2 (outgoing)"
        let text: String?
        do { text = try fields.string("direction") } catch { throw DomainError.invalid("direction", rule) }
        switch text?.lowercased() {
        case nil, "1", "in", "incoming": return 1
        case "2", "out", "outgoing": return 2
        default: throw DomainError.invalid("direction", rule)
        }
    }
}
