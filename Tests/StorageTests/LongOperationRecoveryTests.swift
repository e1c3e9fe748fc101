import Foundation
import SQLiteStore
@testable import SandboxCore
import StructuredData
import Testing

/// Start-up recovery of long operations (LongOperation): each test leaves what a crash in the
/// middle of an operation leaves (its intent and a part of its slices), reopens the database
/// as a restarted server does, and checks that the operation was finished before anything is
/// served.
@Suite struct LongOperationRecoveryTests {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("recovery-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("state.sqlite").path }

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func open(retentionDays: Double = 0) throws -> SandboxRuntime {
        var configuration = RuntimeConfiguration()
        configuration.defaultClockMode = .manual
        configuration.seed = 1
        configuration.backgroundInterval = 0
        configuration.retentionDays = retentionDays
        return try SandboxRuntime(
            database: try Database(path: path), configuration: configuration, modules: [ShelfModule(upgraded: true)])
    }

    func shelve(_ titles: [String], token: String, in runtime: SandboxRuntime) throws {
        _ = try runtime.perform(token: token) { context in
            for title in titles {
                try context.connection.run("INSERT INTO shelf_books (tenant_id, title) VALUES (?, ?)", context.tenantId, title)
            }
        }
    }

    func titles(of token: String, in runtime: SandboxRuntime) throws -> [String] {
        try runtime.database.read { connection in
            try connection.query(
                "SELECT title FROM shelf_books WHERE tenant_id = (SELECT id FROM tenants WHERE token = ?) ORDER BY id", token
            ).map { try $0.string("title") }
        }
    }

    func count(_ sql: String, in runtime: SandboxRuntime) throws -> Int {
        try runtime.database.read { try $0.first(sql)?.int("n") ?? -1 }
    }

    func tenantId(_ token: String, in runtime: SandboxRuntime) throws -> Int {
        try #require(try runtime.database.read { try TenantTable.find(token: token, in: $0)?.id })
    }

    @Test func aResetCutShortIsFinishedAtTheNextStart() throws {
        let before = try open()
        try shelve(["dune", "emma", "ulysses"], token: "reader", in: before)
        try shelve(["kept"], token: "other", in: before)
        // The first slice of a reset: its intent, and some of the tenant's rows gone.
        let id = try tenantId("reader", in: before)
        try before.database.write { connection in
            try LongOperation(kind: .eraseTenant, subject: id, label: TenantLabel.of("reader")).begin(in: connection)
            try connection.run("DELETE FROM shelf_books WHERE title = 'dune'")
        }
        before.database.close()

        let after = try open()
        #expect(after.recoveries.count == 1)
        #expect(after.recoveries.first?.contains("the reset (or idle removal) of tenant \(TenantLabel.of("reader"))") == true)
        #expect(try count("SELECT count(*) AS n FROM tenants WHERE token = 'reader'", in: after) == 0)
        #expect(try count("SELECT count(*) AS n FROM shelf_books", in: after) == 1)
        #expect(try titles(of: "other", in: after) == ["kept"])
        #expect(try count("SELECT count(*) AS n FROM long_operations", in: after) == 0)
    }

    @Test func operationsThatEndLeaveNoIntent() throws {
        let runtime = try open()
        try shelve(["dune"], token: "reader", in: runtime)
        try runtime.resetTenant(token: "reader")
        _ = try runtime.advanceClock(token: "other", by: 86_400_000)
        try shelve(["emma"], token: "third", in: runtime)
        try runtime.resetAll()
        #expect(try count("SELECT count(*) AS n FROM long_operations", in: runtime) == 0)
        #expect(runtime.recoveries.isEmpty)
    }

    @Test func aResetOfEveryTenantCutShortIsFinished() throws {
        let before = try open()
        try shelve(["dune"], token: "reader", in: before)
        try shelve(["emma"], token: "other", in: before)
        try before.database.write { connection in
            try LongOperation(kind: .resetAll, subject: 0).begin(in: connection)
            try connection.run("DELETE FROM shelf_books WHERE title = 'dune'")
        }
        before.database.close()

        let after = try open()
        #expect(after.recoveries == ["recovered: the reset of every tenant was interrupted by a crash; completed now"])
        #expect(try count("SELECT count(*) AS n FROM tenants", in: after) == 0)
        #expect(try count("SELECT count(*) AS n FROM shelf_books", in: after) == 0)
    }

    @Test func anImportCutShortIsFinishedFromItsStagedSnapshot() throws {
        let before = try open()
        try shelve(["dune", "emma"], token: "reader", in: before)
        let snapshot = try before.exportState(token: "reader")
        try shelve(["ulysses", "walden"], token: "reader", in: before)
        try shelve(["kept"], token: "other", in: before)
        // What an import leaves when killed after its first copy slice: the intent naming the
        // staged file, the tenant's own rows deleted and only part of the snapshot's copied.
        let staging = try SnapshotStaging(SnapshotDocument(snapshot), migrations: before.migrations, path: before.newStagingPath())
        staging.close()
        let id = try tenantId("reader", in: before)
        try before.database.write { connection in
            try LongOperation(kind: .importTenant, subject: id, label: "r", staging: staging.path).begin(in: connection)
            try connection.run("DELETE FROM shelf_books WHERE tenant_id = ?", id)
            try connection.run("INSERT INTO shelf_books (tenant_id, title, shouted) VALUES (?, 'dune', 'DUNE')", id)
        }
        before.database.close()
        #expect(FileManager.default.fileExists(atPath: staging.path))

        let after = try open()
        #expect(after.recoveries.count == 1)
        #expect(after.recoveries.first?.contains("the snapshot import of tenant r was interrupted by a crash; completed now") == true)
        #expect(try titles(of: "reader", in: after) == ["dune", "emma"])
        #expect(try titles(of: "other", in: after) == ["kept"])
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        #expect(try count("SELECT count(*) AS n FROM long_operations", in: after) == 0)
    }

    @Test func anImportWhoseStagedSnapshotIsGoneEmptiesTheTenantAndSaysSo() throws {
        let before = try open()
        try shelve(["dune"], token: "reader", in: before)
        let id = try tenantId("reader", in: before)
        try before.database.write { connection in
            try LongOperation(kind: .importTenant, subject: id, staging: path + "-import-gone").begin(in: connection)
        }
        before.database.close()

        let after = try open()
        #expect(after.recoveries.first?.contains("cannot be completed") == true)
        #expect(try titles(of: "reader", in: after) == [])
        #expect(try count("SELECT count(*) AS n FROM tenants WHERE token = 'reader'", in: after) == 1)
    }

    @Test func aPruneCutShortIsFinished() throws {
        let before = try open(retentionDays: 1)
        _ = try before.perform(token: "reader") { _ in }
        let id = try tenantId("reader", in: before)
        try before.database.write { connection in
            for at in [0, 1_000, 2_000] {
                try connection.run(
                    "INSERT INTO events (tenant_id, resource_type, resource_id, to_state, at) VALUES (?, 'shelf', 1, 'read', ?)", id,
                    RuntimeConfiguration.seededEpoch - 3 * 86_400_000 + Int64(at))
            }
            try LongOperation(kind: .pruneHistory, subject: id).begin(in: connection)
            try connection.run("UPDATE tenants SET history_pruned_at = ? WHERE id = ?", RuntimeConfiguration.seededEpoch - 2 * 86_400_000, id)
        }
        before.database.close()

        let after = try open(retentionDays: 1)
        #expect(after.recoveries.count == 1)
        #expect(try count("SELECT count(*) AS n FROM events", in: after) == 0)
        #expect(try count("SELECT count(*) AS n FROM long_operations", in: after) == 0)
    }

    @Test func stagedFilesOfImportsThatNeverBeganAreRemoved() throws {
        let before = try open()
        let stray = before.newStagingPath()
        FileManager.default.createFile(atPath: stray, contents: Data("half a staging".utf8))
        before.database.close()
        _ = try open()
        #expect(!FileManager.default.fileExists(atPath: stray))
    }
}
