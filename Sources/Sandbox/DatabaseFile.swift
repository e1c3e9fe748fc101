import Foundation
import SQLiteStore

extension SandboxOptions {
    /// Opens `databasePath`, creating its folder first. Every failure a user can cause (a
    /// folder given, a file in the folder's way, a file that is not a database) is one line
    /// naming the path, not Foundation's or SQLite's internals.
    func openDatabase() throws -> Database {
        guard databasePath != ":memory:" else { return try Database(path: databasePath) }
        if isFolder(databasePath) {
            throw UsageError(description: "the database \(databasePath) is a folder; give a file such as \(databasePath)/state.sqlite")
        }
        try createFolders(URL(fileURLWithPath: databasePath).deletingLastPathComponent().path)
        do {
            return try Database(path: databasePath)
        } catch let failure as SQLiteError {
            throw UsageError(description: "database: \(failure.message)")
        }
    }

    /// `mkdir -p`, saying which folder failed and why.
    private func createFolders(_ folder: String) throws {
        var path = ""
        for component in folder.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o755) == 0 { continue }
            let reason = errno
            if reason == EEXIST, isFolder(path) { continue }
            let why = reason == EEXIST ? "it is a file, not a folder" : String(cString: strerror(reason))
            throw UsageError(description: "cannot create the folder \(path) for the database \(databasePath): \(why)")
        }
    }

    private func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
