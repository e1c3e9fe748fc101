import Foundation

/// The `seed-data/` folder. Fixtures are decoded with their file and field named in any
/// error, so a broken fixture stops start-up with a message a user can act on.
public struct SeedDirectory: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public func load<T: Decodable>(_ file: String, as type: T.Type) throws -> T {
        let location = (path as NSString).appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: location) else {
            throw SeedDataError(file: file, field: nil, reason: "cannot read \(location)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw SeedDataError(file: file, field: Self.path(context.codingPath + [key]), reason: "is missing")
        } catch let DecodingError.typeMismatch(expected, context) {
            throw SeedDataError(file: file, field: Self.path(context.codingPath), reason: "must be \(expected)")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw SeedDataError(file: file, field: Self.path(context.codingPath), reason: "must be \(expected), not null")
        } catch let DecodingError.dataCorrupted(context) {
            throw SeedDataError(file: file, field: Self.path(context.codingPath), reason: context.debugDescription)
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce("") { path, key in
            if let index = key.intValue { return "\(path)[\(index)]" }
            return path.isEmpty ? key.stringValue : "\(path).\(key.stringValue)"
        }
    }
}

public struct SeedDataError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let field: String?
    public let reason: String

    public init(file: String, field: String?, reason: String) {
        self.file = file
        self.field = field
        self.reason = reason
    }

    public var description: String {
        guard let field, !field.isEmpty else { return "seed-data/\(file): \(reason)" }
        return "seed-data/\(file): field \(field) \(reason)"
    }
}

/// A token listed in `seed-data/tokens.json`: accepted in strict mode, and its balance and
/// permissions apply whenever a tenant is created for it.
public struct TokenSeed: Decodable, Sendable {
    public let token: String
    public let balance: Double
    public let permissions: [String]

    public init(token: String, balance: Double, permissions: [String]) {
        self.token = token
        self.balance = balance
        self.permissions = permissions
    }
}

struct TokenFile: Decodable {
    let tokens: [TokenSeed]
}

extension SeedDirectory {
    public func tokens() throws -> [TokenSeed] {
        let tokens = try load("tokens.json", as: TokenFile.self).tokens
        for (index, seed) in tokens.enumerated() where seed.token.isEmpty {
            throw SeedDataError(file: "tokens.json", field: "tokens[\(index)].token", reason: "must not be empty")
        }
        return tokens
    }
}
