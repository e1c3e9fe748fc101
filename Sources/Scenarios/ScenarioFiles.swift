import Foundation
import SandboxCore
import StructuredData

/// Scenario files on disk: one file, or every `*.json` of a folder in name order. Each file
/// is applied in its own transaction; a refusal names the file.
public struct ScenarioFiles {
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    public let files: [String]

    public init(path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw Refusal(description: "scenario \(path): no such file or folder")
        }
        guard isFolder.boolValue else {
            files = [path]
            return
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else { throw Refusal(description: "scenario \(path): no *.json files in this folder") }
        files = names.map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
    }

    /// Applies every file in order; returns one line per file and tenant saying what it did.
    @discardableResult
    public func load(into loader: ScenarioLoader) throws -> [String] {
        try apply(into: loader).flatMap { file, outcomes in
            outcomes.map { tenant in
                "scenario \(file): tenant \(tenant.token) (\(tenant.createdTenant ? "created" : "existing")): \(tenant.created.count) created, \(tenant.kept.count) kept"
            }
        }
    }

    private func apply(into loader: ScenarioLoader) throws -> [(file: String, outcomes: [ScenarioTenantOutcome])] {
        try files.map { file in
            do {
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
                let document: JSONValue
                do { document = try JSONParser.parse(bytes) } catch {
                    throw Refusal(description: "scenario \(file): not a JSON document (\(error))")
                }
                return (file, try loader.apply(document))
            } catch let error as DomainError {
                throw Refusal(description: "scenario \(file): \(error.message)")
            } catch let error as Refusal {
                throw error
            } catch {
                throw Refusal(description: "scenario \(file): \(error)")
            }
        }
    }
}
