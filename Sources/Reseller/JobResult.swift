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

    /// One pass over the stored keys (a status poll reads this on every request); a key no
    /// job writes, or a value of the wrong type, is a fault.
    init(stored object: JSONObject) throws {
        let refusal = UnreadableJobOutput(output: .object(object))
        func int(_ value: JSONValue) throws -> Int {
            guard let number = value.intValue.flatMap({ Int(exactly: $0) }) else { throw refusal }
            return number
        }
        func text(_ value: JSONValue) throws -> String {
            guard case .string(let text) = value else { throw refusal }
            return text
        }
        for (key, value) in object.entries {
            switch key {
            case "id": serverId = try int(value)
            case "hostname": hostname = try text(value)
            case "ips":
                guard case .array(let items) = value else { throw refusal }
                addresses = try items.map(text)
            case "password": password = try text(value)
            case "template": template = try text(value)
            case "server": backedUpServer = try int(value)
            case "backup": backup = Int64(try int(value))
            case "serverId": builtServer = try int(value)
            default: throw refusal
            }
        }
    }
}

/// A stored job output of a shape no job kind writes.
struct UnreadableJobOutput: Error, CustomStringConvertible {
    let output: JSONValue

    var description: String { "Stored data is inconsistent: jobs.output holds \(JSONWriter.string(output)), which no job writes" }
}
