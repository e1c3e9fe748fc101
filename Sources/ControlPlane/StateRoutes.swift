import APIKit
import HTTP1
import SandboxCore
import StructuredData

/// `GET/PUT /_sandbox/state`: one JSON snapshot of a tenant's world (or everything).
enum StateRoutes {
    static func routes(runtime: SandboxRuntime) -> [APIRoute] {
        [
            APIRoute(.GET, "/state", "Export the tenant's world (or everything with ?all=true) as one snapshot", .long { request, _ in
                .json(request.wantsAll ? try runtime.exportAllState() : try runtime.exportState(token: try request.requiredToken()))
            }),
            APIRoute(.PUT, "/state", "Replace the tenant's world (or everything with ?all=true) from a snapshot", .long { request, _ in
                let document: JSONValue
                do { document = try JSONParser.parse(request.body) } catch {
                    throw DomainError.invalid("body", "the snapshot must be a JSON document (\(error))")
                }
                if request.wantsAll {
                    try runtime.importAllState(document: document)
                    return .json(["imported": "all"])
                }
                try runtime.importState(token: try request.requiredToken(), document: document)
                return .json(["imported": "tenant"])
            }),
        ]
    }
}
