import Foundation

/// `ctl reset`, `ctl scenario load`, `ctl snapshot save/load`: whole worlds.
enum StateCommands {
    static let all: [ControlCommand.Command] = [
        .init(
            words: ["reset"], usage: "reset [--all] --token T",
            help: "Delete the tenant's world (it starts afresh on its next request), or with --all every tenant and the ID sequences."
        ) { run in
            try run.requireNoArguments()
            try run.show("POST", "/_sandbox/reset\(run.allQuery)")
        },
        .init(
            words: ["scenario", "load"], usage: "scenario load PATH",
            help: "Apply a scenario file, or every *.json of a folder in name order, each in one transaction (docs/scenarios.md).\nStops at the first refused file; its message names the file, the JSON path and the rule."
        ) { run in
            for file in try scenarioFiles(try run.argument("PATH")) {
                do {
                    try run.show("POST", "/_sandbox/scenarios", body: try read(file))
                } catch let failure as ControlClient.Failure {
                    throw ControlClient.Failure(description: "\(file): \(failure.description)")
                }
            }
        },
        .init(
            words: ["snapshot", "save"], usage: "snapshot save FILE [--all] --token T",
            help: "Write the tenant's world (or with --all every tenant's) to FILE as a snapshot."
        ) { run in
            let file = try run.argument("FILE")
            let response = try run.call("GET", "/_sandbox/state\(run.allQuery)")
            do { try Data(response.body).write(to: URL(fileURLWithPath: file)) } catch {
                throw ControlClient.Failure(description: "cannot write \(file): \(error.localizedDescription)")
            }
            print("saved \(response.body.count) bytes to \(file)")
        },
        .init(
            words: ["snapshot", "load"], usage: "snapshot load FILE [--all] --token T",
            help: "Replace the tenant's world (or with --all everything) with the snapshot in FILE; one of an older sandbox version is brought forward."
        ) { run in
            let file = try run.argument("FILE")
            try run.show("PUT", "/_sandbox/state\(run.allQuery)", body: try read(file))
        },
    ]

    static func read(_ file: String) throws -> [UInt8] {
        do { return Array(try Data(contentsOf: URL(fileURLWithPath: file))) } catch {
            throw ControlClient.Failure(description: "cannot read \(file): \(error.localizedDescription)")
        }
    }

    /// The file itself, or a folder's `*.json` in name order.
    static func scenarioFiles(_ path: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ControlClient.Failure(description: "\(path): no such file or folder")
        }
        guard isFolder.boolValue else { return [path] }
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else { throw ControlClient.Failure(description: "\(path): no *.json files in this folder") }
        return names.map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
    }
}
