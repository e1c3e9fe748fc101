import Dispatch
import SQLiteStore
@testable import SandboxCore
import StructuredData
import Testing

/// A toy model in two versions: the second adds a column and fills it from the old rows,
/// the kind of migration an old snapshot's rows must be brought through.
struct ShelfModule: SandboxModule {
    let upgraded: Bool

    var migrations: [Migration] {
        let first = Migration(
            "shelf.001",
            "CREATE TABLE shelf_books (id INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, title TEXT NOT NULL)")
        let second = Migration(
            "shelf.002-shouted-titles",
            "ALTER TABLE shelf_books ADD COLUMN shouted TEXT NOT NULL DEFAULT ''; UPDATE shelf_books SET shouted = upper(title);")
        return upgraded ? [first, second] : [first]
    }

    func register(in scheduler: Scheduler) {}
}

@Suite struct SnapshotUpgradeTests {
    func runtime(upgraded: Bool) throws -> SandboxRuntime {
        var configuration = RuntimeConfiguration()
        configuration.defaultClockMode = .manual
        configuration.seed = 1
        configuration.backgroundInterval = 0
        return try SandboxRuntime(
            database: try Database(path: ":memory:"), configuration: configuration, modules: [ShelfModule(upgraded: upgraded)])
    }

    func shelve(_ title: String, in runtime: SandboxRuntime) throws {
        _ = try runtime.perform(token: "reader") { context in
            try context.connection.run("INSERT INTO shelf_books (tenant_id, title) VALUES (?, ?)", context.tenantId, title)
        }
    }

    @Test func anOlderSnapshotIsBroughtThroughTheMigrationsItLacks() throws {
        let old = try runtime(upgraded: false)
        try shelve("dune", in: old)
        try shelve("emma", in: old)
        let snapshot = try old.exportState(token: "reader")
        #expect(snapshot["migrations"]?.arrayValue?.contains("shelf.002-shouted-titles") == false)

        let new = try runtime(upgraded: true)
        try new.importState(token: "reader", document: snapshot)
        let shouted = try new.perform(token: "reader") { context in
            try context.connection.query("SELECT shouted FROM shelf_books WHERE tenant_id = ? ORDER BY id", [context.tenantId])
                .map { try $0.string("shouted") }
        }
        #expect(shouted == ["DUNE", "EMMA"])
        // Exported again, the snapshot is of the new version.
        let again = try new.exportState(token: "reader")
        #expect(again["migrations"]?.arrayValue?.contains("shelf.002-shouted-titles") == true)

        // The same for a full snapshot.
        let everything = try runtime(upgraded: true)
        try everything.importAllState(document: try old.exportAllState())
        let titles = try everything.perform(token: "reader") { context in
            try context.connection.query("SELECT shouted FROM shelf_books ORDER BY id").map { try $0.string("shouted") }
        }
        #expect(titles == ["DUNE", "EMMA"])
    }

    @Test func aNewerSnapshotIsRefusedSayingSo() throws {
        let new = try runtime(upgraded: true)
        try shelve("dune", in: new)
        let snapshot = try new.exportState(token: "reader")
        let old = try runtime(upgraded: false)
        try shelve("emma", in: old)
        #expect {
            try old.importState(token: "reader", document: snapshot)
        } throws: { error in
            let message = (error as? DomainError)?.message ?? ""
            return message.contains("newer sandbox version") && message.contains("shelf.002-shouted-titles")
        }
        let titles = try old.perform(token: "reader") { context in
            try context.connection.query("SELECT title FROM shelf_books").map { try $0.string("title") }
        }
        #expect(titles == ["emma"])
    }
}

extension SandboxRuntime {
    /// The streamed export of `token`'s tenant (every tenant when nil), read whole.
    func exportState(token: String?) throws -> JSONValue {
        let done = DispatchSemaphore(value: 0)
        let text = Collected()
        SnapshotExport.start(runtime: self, token: token) { started in
            switch started {
            case .failure(let error):
                text.failure = error
                done.signal()
            case .success(let export):
                @Sendable func pull() {
                    export.next { part in
                        switch part {
                        case .success(let bytes?):
                            text.bytes += bytes
                            pull()
                        case .success(nil): done.signal()
                        case .failure(let error):
                            text.failure = error
                            done.signal()
                        }
                    }
                }
                pull()
            }
        }
        done.wait()
        if let failure = text.failure { throw failure }
        return try JSONParser.parse(text.bytes)
    }

    func exportAllState() throws -> JSONValue { try exportState(token: nil) }
}

private final class Collected: @unchecked Sendable {
    var bytes: [UInt8] = []
    var failure: (any Error)?
}
