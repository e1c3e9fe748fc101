import SandboxCore
import StructuredData

/// One JSON object of a scenario with its JSON path (`tenants[0].vms[2]`): every refusal
/// names the path, the field and the rule.
struct ScenarioNode {
    let path: String
    let object: JSONObject

    init(_ value: JSONValue, path: String) throws {
        guard let object = value.objectValue else { throw ScenarioNode.refusal(path.isEmpty ? "body" : path, "must be a JSON object") }
        self.path = path
        self.object = object
    }

    static func refusal(_ path: String, _ rule: String) -> DomainError {
        DomainError.invalid(path, "\(path): \(rule)")
    }

    /// `tenants[0]` + `vms` = `tenants[0].vms`; the document itself has the empty path.
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func refusal(_ key: String, _ rule: String) -> DomainError { Self.refusal(path(key), rule) }

    /// Refuses keys outside `allowed`: a misspelt field would otherwise be silently ignored.
    func allowOnly(_ allowed: [String]) throws {
        for key in object.keys where !allowed.contains(key) {
            throw refusal(key, "unknown field; the fields here are \(allowed.joined(separator: ", "))")
        }
    }

    func has(_ key: String) -> Bool { object[key] != nil && object[key] != .null }

    func string(_ key: String, required: Bool = false) throws -> String? {
        guard has(key) else {
            if required { throw refusal(key, "is required") }
            return nil
        }
        guard let text = object[key]?.stringValue, !text.isEmpty else { throw refusal(key, "must be a non-empty string") }
        return text
    }

    func number(_ key: String) throws -> Double? {
        guard has(key) else { return nil }
        guard let value = object[key]?.doubleValue else { throw refusal(key, "must be a number") }
        return value
    }

    /// One of `choices` (their raw values), or `fallback` when absent.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, default fallback: T) throws -> T
    where T.RawValue == String {
        guard let text = try string(key) else { return fallback }
        guard let value = T(rawValue: text) else {
            throw refusal(key, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    func strings(_ key: String) throws -> [String]? {
        guard has(key) else { return nil }
        guard let items = object[key]?.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
            throw refusal(key, "must be an array of strings")
        }
        return items.compactMap(\.stringValue)
    }

    func child(_ key: String) throws -> ScenarioNode? {
        guard has(key), let value = object[key] else { return nil }
        return try ScenarioNode(value, path: path(key))
    }

    func children(_ key: String) throws -> [ScenarioNode] {
        guard has(key) else { return [] }
        guard let items = object[key]?.arrayValue else { throw refusal(key, "must be an array of objects") }
        return try items.enumerated().map { try ScenarioNode($1, path: "\(path(key))[\($0)]") }
    }

    /// The fields `keys` as the endpoint's input declaration reads them (absent ones left out);
    /// `renamed` gives the scenario's name of an endpoint's field where the two differ.
    func fields(_ keys: [String], renamed: [String: String] = [:], adding extra: JSONObject = [:]) -> JSONObject {
        var picked = extra
        for key in keys { if let value = object[renamed[key] ?? key] { picked[key] = value } }
        return picked
    }

    /// Runs a model's creation path; its refusals are reported under this node's path, the
    /// model's field names translated by `renamed` into the scenario's. Every refused field
    /// is kept, as the API's own answer names them all.
    @discardableResult
    func applying<T>(renamed: [String: String] = [:], _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DomainError {
            guard !error.fieldErrors.isEmpty else { throw ScenarioNode.refusal(path, error.message) }
            let entries = error.fieldErrors.map { entry in
                let field = path(renamed[entry.field] ?? entry.field)
                return (field: field, messages: entry.messages.map { "\(field): \($0)" })
            }
            throw DomainError(.invalidInput, entries.flatMap(\.messages).joined(separator: "; "), fieldErrors: entries)
        }
    }
}
