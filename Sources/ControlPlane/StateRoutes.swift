import APIKit
import Foundation
import HTTP1
import SandboxCore
import StructuredData

/// `GET/PUT /_sandbox/state`: one JSON snapshot of a tenant's world (or everything).
enum StateRoutes {
    /// The snapshot format, documented in docs/snapshots.md rather than here: its tables follow the
    /// database schema, which changes with every migration.
    static let snapshot = Schema.document(
        "A hosting-sandbox-snapshot document: format, version, migrations, the tenant(s) with their clocks, ID sequences and every row of every tenant table (docs/snapshots.md)")

    static let importInput = InputDeclaration(.laravel, [AnyField(ControlScope.all)], document: snapshot)

    static let imported = Presenter<ControlScope.Reach>.object(
        [PresentedProperty("imported", ControlScope.Reach.schema) { .string($0.rawValue) }])

    static func routes(runtime: SandboxRuntime) -> [APIRoute] {
        [
            .deferred(
                .GET, "/state", "Export the tenant's world (or everything with ?all=true) as one snapshot",
                input: ControlScope.input, answer: .prepared(snapshot, "The snapshot, streamed")
            ) { request, _, input, respond in
                let token = try ControlScope.token(request, input)
                SnapshotExport.start(runtime: runtime, token: token) { started in
                    let export: SnapshotExport
                    switch started {
                    case .success(let started): export = started
                    case .failure(let error): return respond(.failure(error))
                    }
                    // The head is read before answering, so a failure there is still a proper
                    // error answer; later ones can only cut the stream short.
                    export.next { head in
                        switch head {
                        case .success(let bytes): respond(.success(.json(streaming: body(of: export, first: bytes ?? []))))
                        case .failure(let error): respond(.failure(error))
                        }
                    }
                }
            },
            .long(
                .PUT, "/state", "Replace the tenant's world (or everything with ?all=true) from a snapshot", input: importInput,
                answer: .json(imported)
            ) { request, _, input in
                // The body, not a parsed tree: the imports read it a row at a time, from the
                // file the server wrote it to (see `ServerConfiguration.spooledBodies`).
                guard let token = try ControlScope.token(request, input) else {
                    try request.withBody { try runtime.importAllState(body: $0) }
                    return .all
                }
                try request.withBody { try runtime.importState(token: token, body: $0) }
                return .tenant
            },
        ]
    }

    /// The export as a chunked body: `first`, then one part per chunk, paced by the client's
    /// reading.
    private static func body(of export: SnapshotExport, first: [UInt8]) -> BodyStream {
        let pending = FirstPart(first)
        return BodyStream(
            next: { deliver in
                if let first = pending.take() { return deliver(.bytes(first)) }
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

/// The part read before answering, handed out once.
private final class FirstPart: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8]?

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func take() -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        defer { bytes = nil }
        return bytes
    }
}
