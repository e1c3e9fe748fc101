import Foundation
import SQLiteStore
import Testing

/// The WAL is checkpointed every hundred pages, except while long work defers it
/// (`Database.deferringCheckpoints`), which then checkpoints once, at its end.
@Suite struct CheckpointTests {
    /// A file database (checkpoints need one) with a table of page-sized rows.
    func makeDatabase() throws -> (Database, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoints-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("state.sqlite").path
        let database = try Database(path: path)
        try database.write { try $0.execute("CREATE TABLE pages (id INTEGER PRIMARY KEY, data BLOB)") }
        return (database, path)
    }

    /// Forty transactions of ten page-sized rows each: about 450 pages of WAL frames.
    func writeSlices(_ database: Database) throws {
        for _ in 0..<40 {
            try database.write { connection in
                for _ in 0..<10 { try connection.run("INSERT INTO pages (data) VALUES (zeroblob(4000))") }
            }
        }
    }

    func pages(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 4096
    }

    @Test func theWALIsCheckpointedEveryHundredPages() throws {
        let (database, path) = try makeDatabase()
        defer { database.close() }
        try writeSlices(database)
        // Restarted after each checkpoint: never much more than a hundred pages and a commit.
        #expect(pages(path + "-wal") < 150)
        #expect(pages(path) > 300)
    }

    @Test func longWorkDefersCheckpointsToItsEnd() throws {
        let (database, path) = try makeDatabase()
        defer { database.close() }
        try database.deferringCheckpoints {
            try writeSlices(database)
            #expect(pages(path + "-wal") > 400)
            #expect(pages(path) < 50)
        }
        // Copied into the database when the long work ended, and the WAL restarts from its start.
        #expect(pages(path) > 400)
        try database.write { try $0.run("INSERT INTO pages (data) VALUES (zeroblob(4000))") }
        let frames = try database.read { try $0.first("PRAGMA wal_checkpoint(PASSIVE)")?.int("log") }
        #expect((frames ?? 1000) < 10)
    }

    @Test func nestedLongWorkCheckpointsWhenTheLastEnds() throws {
        let (database, path) = try makeDatabase()
        defer { database.close() }
        try database.deferringCheckpoints {
            try database.deferringCheckpoints { try writeSlices(database) }
            #expect(pages(path) < 50)
        }
        #expect(pages(path) > 400)
    }
}
