import StructuredData

/// What an ended reseller job left for its owner: what a finished job made, or a sentence
/// (why it failed, or what a software or restore job did).
public enum JobOutcome: Sendable, Equatable {
    case made(JobResult)
    case message(String)

    /// The outcome stored with the job; nil while it runs. Anything else stored is a fault
    /// (answered 500), not a silent guess.
    init?(stored: JSONValue?) throws {
        switch stored {
        case nil, .null?: return nil
        case .string(let text)?: self = .message(text)
        case .object(let object)?: self = .made(try JobResult(stored: object))
        case let other?: throw UnreadableJobOutput(output: other)
        }
    }
}

/// What a finished job made, by kind: a VM's or dedicated server's id and access, a backup's
/// stamp, the server a BYOD build became.
public struct JobResult: Sendable, Equatable {
    public var serverId: Int?
    public var hostname: String?
    public var addresses: [String]?
    public var password: String?
    public var template: String?
    /// A backup job: the VM backed up and the backup's stamp.
    public var backedUpServer: Int?
    public var backup: Int64?
    /// A BYOD build: the dedicated server it became.
    public var builtServer: Int?

    init(
        serverId: Int? = nil, hostname: String? = nil, addresses: [String]? = nil, password: String? = nil,
        template: String? = nil, backedUpServer: Int? = nil, backup: Int64? = nil, builtServer: Int? = nil
    ) {
        self.serverId = serverId
        self.hostname = hostname
        self.addresses = addresses
        self.password = password
        self.template = template
        self.backedUpServer = backedUpServer
        self.backup = backup
        self.builtServer = builtServer
    }

    /// The stored form, kept as earlier versions wrote it (snapshots carry it).
    var stored: JSONValue {
        var object = JSONObject()
        if let serverId { object["id"] = .int(Int64(serverId)) }
        if let hostname { object["hostname"] = .string(hostname) }
        if let addresses { object["ips"] = .array(addresses.map { .string($0) }) }
        if let password { object["password"] = .string(password) }
        if let template { object["template"] = .string(template) }
        if let backedUpServer { object["server"] = .int(Int64(backedUpServer)) }
        if let backup { object["backup"] = .int(backup) }
        if let builtServer { object["serverId"] = .int(Int64(builtServer)) }
        return .object(object)
    }

    init(stored object: JSONObject) throws {
        func refuse(_: String) -> UnreadableJobOutput { UnreadableJobOutput(output: .object(object)) }
        func int(_ key: String) throws -> Int? {
            guard let value = object[key] else { return nil }
            guard let number = value.intValue.flatMap({ Int(exactly: $0) }) else { throw refuse(key) }
            return number
        }
        func text(_ key: String) throws -> String? {
            guard let value = object[key] else { return nil }
            guard let text = value.stringValue else { throw refuse(key) }
            return text
        }
        serverId = try int("id")
        hostname = try text("hostname")
        if let value = object["ips"] {
            guard let list = value.arrayValue?.compactMap(\.stringValue), list.count == value.arrayValue?.count else {
                throw refuse("ips")
            }
            addresses = list
        }
        password = try text("password")
        template = try text("template")
        backedUpServer = try int("server")
        backup = try int("backup").map(Int64.init)
        builtServer = try int("serverId")
        for (key, _) in object.entries where !Self.keys.contains(key) {
            throw UnreadableJobOutput(output: .object(object))
        }
    }

    private static let keys: Set = ["id", "hostname", "ips", "password", "template", "server", "backup", "serverId"]
}

/// A stored job output of a shape no job kind writes.
struct UnreadableJobOutput: Error, CustomStringConvertible {
    let output: JSONValue

    var description: String { "Stored data is inconsistent: jobs.output holds \(JSONWriter.string(output)), which no job writes" }
}
