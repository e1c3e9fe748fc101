import APIKit
import HTTP1
import SandboxCore
import StructuredData

/// `GET/PUT /_sandbox/state`: one JSON snapshot of a tenant's world (or everything).
enum StateRoutes {
    static func routes(runtime: SandboxRuntime) -> [APIRoute] {
        [
            APIRoute(.GET, "/state", "Export the tenant's world (or everything with ?all=true) as one snapshot", .deferred { request, _, respond in
                let token = request.wantsAll ? nil : try request.requiredToken()
                SnapshotExport.start(runtime: runtime, token: token) { started in
                    respond(started.map { .json(streaming: body(of: $0)) })
                }
            }),
            APIRoute(.PUT, "/state", "Replace the tenant's world (or everything with ?all=true) from a snapshot", .long { request, _ in
                if request.wantsAll {
                    try runtime.importAllState(document: Snapshot.parse(request.body))
                    return .json(["imported": "all"])
                }
                // The body, not a parsed tree: the import reads it a row at a time.
                try runtime.importState(token: try request.requiredToken(), body: request.body)
                return .json(["imported": "tenant"])
            }),
        ]
    }

    /// The export as a chunked body: one part per chunk, paced by the client's reading.
    private static func body(of export: SnapshotExport) -> BodyStream {
        BodyStream(
            next: { deliver in
                export.next { part in
                    switch part {
                    case .success(let bytes?): deliver(.bytes(bytes))
                    case .success(nil): deliver(.end)
                    case .failure: deliver(.failed)
                    }
                }
            },
            cancel: { export.cancel() })
    }
}
