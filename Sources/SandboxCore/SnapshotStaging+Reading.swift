import SQLiteStore
import StructuredData

/// A snapshot upload read straight into a staging database: the members before `tables` are
/// parsed whole and checked, then each row is parsed alone, stored in the scratch database
/// and dropped, so the document never exists as one JSON tree (which costs several times
/// its text). A document whose `tables` comes before the other members is parsed whole.
extension SnapshotStaging {
    /// Stages the snapshot in `body` at `path` (see `init`); `whole` for `?all=true`.
    static func read(
        _ body: UnsafeBufferPointer<UInt8>, migrations: [Migration], path: String, whole: Bool
    ) throws -> SnapshotStaging {
        var head = JSONObject()
        var staged: SnapshotStaging?
        do {
            try JSONParser.read(body) { reader in
                let isObject = try reader.members { key, reader in
                    guard key == "tables", staged == nil, SnapshotDocument.headKeys.allSatisfy({ head[$0] != nil }) else {
                        head[key] = try reader.value()
                        return
                    }
                    staged = try SnapshotStaging(
                        SnapshotDocument(head: head), migrations: migrations, path: path, whole: whole
                    ) { connection, known, tenantId in
                        try stageRows(&reader, known: known, tenantId: tenantId, in: connection)
                    }
                }
                guard isObject else { throw DomainError.invalid("body", "the snapshot must be a JSON object") }
            }
        } catch {
            staged?.discard()
            if let syntax = error as? JSONParser.SyntaxError { throw Snapshot.notJSON(syntax) }
            throw error
        }
        return try staged
            ?? SnapshotStaging(SnapshotDocument(.object(head)), migrations: migrations, path: path, whole: whole)
    }

    /// The value of `tables`, a table at a time and a row at a time.
    private static func stageRows(
        _ reader: inout JSONParser.Reader, known: [String: [String]], tenantId: Int?, in connection: Connection
    ) throws {
        let isObject = try reader.members { name, reader in
            var writer = try SnapshotTableWriter(
                table: name, known: known, tenantId: tenantId, cached: true, connection: connection)
            let isArray = try reader.elements { reader in
                guard case .object(let row) = try reader.value() else { throw SnapshotDocument.notRows(name) }
                try writer.insert(row)
            }
            guard isArray else { throw SnapshotDocument.notRows(name) }
        }
        guard isObject else { throw SnapshotDocument.notTables }
    }
}
