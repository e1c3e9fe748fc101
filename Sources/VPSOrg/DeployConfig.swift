import SQLiteStore
import SandboxCore
import StructuredData

/// What kind of app a deploy config deploys; it decides the steps, the runtime and the defaults.
public enum AppType: String, Sendable, CaseIterable {
    case python, node, `static`

    /// The runtime used when the config names none (the CLI's `vps link` template's versions).
    public var defaultRuntime: String {
        switch self {
        case .python: "3.12"
        case .node: "20"
        case .static: ""
        }
    }

    /// The port used when the config names none (the CLI's template's ports).
    public var defaultPort: Int {
        switch self {
        case .python: 8000
        case .node: 3000
        case .static: 80
        }
    }
}

/// How an app is deployed to one of the tenant's servers (`/api/v1/deploy-configs/`).
public struct DeployConfig: Sendable {
    public static let resourceType = "vpsorg_deploy_config"

    public let id: Int
    public let uuid: String
    public var serverId: Int
    public var settings: DeploySettings
    public let createdAt: Int64
    public var updatedAt: Int64
    /// The server's uuid and hostname as they are now (read with the config).
    public var serverUUID: String
    public var serverHostname: String

    public var name: String { settings.name }
}

/// The fields a client sets on a deploy config; a create or a `PUT` sends them all, blanks
/// replaced by the app type's defaults.
public struct DeploySettings: Sendable {
    public var name: String
    public var appType: AppType
    public var runtimeVersion: String
    public var startCommand: String
    public var buildCommands: [String]
    public var domain: String
    public var port: Int
    public var deployPath: String
    public var excludePaths: [String]
    public var gitRepo: String
    public var gitBranch: String

    public init(
        name: String, appType: AppType, runtimeVersion: String = "", startCommand: String = "", buildCommands: [String] = [],
        domain: String = "", port: Int? = nil, deployPath: String = "", excludePaths: [String] = [], gitRepo: String,
        gitBranch: String = ""
    ) {
        self.name = name
        self.appType = appType
        self.runtimeVersion = runtimeVersion
        self.startCommand = startCommand
        self.buildCommands = buildCommands
        self.domain = domain
        self.port = port ?? appType.defaultPort
        self.deployPath = deployPath.isEmpty ? Self.defaultPath(for: name) : deployPath
        self.excludePaths = excludePaths
        self.gitRepo = gitRepo
        self.gitBranch = gitBranch.isEmpty ? "main" : gitBranch
    }

    /// `/var/www/<name as a slug>`: where an app lives when the config names no path.
    static func defaultPath(for name: String) -> String { "/var/www/" + slug(name) }

    /// The name in lower case, runs of anything but letters, digits, `.` and `_` as one `-`
    /// (`My Site!` is `my-site`): the app's directory and service name.
    static func slug(_ name: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber || character == "." || character == "_" {
                slug.append(character)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") || slug.hasSuffix(".") { slug.removeLast() }
        while slug.hasPrefix(".") || slug.hasPrefix("-") { slug.removeFirst() }
        return slug.isEmpty ? "app" : slug
    }

    /// The runtime the steps install: the config's, or the app type's default.
    var effectiveRuntime: String { runtimeVersion.isEmpty ? appType.defaultRuntime : runtimeVersion }
}

/// Reading and writing `vpsorg_deploy_configs`, always within the context's tenant.
extension DeployConfig {
    /// With the server's uuid and hostname beside the config's columns.
    static let select = """
        SELECT c.*, s.uuid AS server_uuid, s.hostname AS server_hostname
        FROM vpsorg_deploy_configs c JOIN vpsorg_servers s ON s.id = c.server_id
        """

    init(row: Row) throws {
        id = try row.int("id")
        uuid = try row.string("uuid")
        serverId = try row.int("server_id")
        settings = DeploySettings(
            name: try row.string("name"), appType: try row.value("app_type", as: AppType.self),
            runtimeVersion: try row.string("runtime_version"), startCommand: try row.string("start_command"),
            buildCommands: try Self.strings(row, "build_commands"), domain: try row.string("domain"), port: try row.int("port"),
            deployPath: try row.string("deploy_path"), excludePaths: try Self.strings(row, "exclude_paths"),
            gitRepo: try row.string("git_repo"), gitBranch: try row.string("git_branch"))
        createdAt = try row.int64("created_at")
        updatedAt = try row.int64("updated_at")
        serverUUID = try row.string("server_uuid")
        serverHostname = try row.string("server_hostname")
    }

    /// A JSON list of strings; anything else is a hand-edited database.
    private static func strings(_ row: Row, _ column: String) throws -> [String] {
        let value = try row.json(column)
        let items = value.arrayValue ?? []
        let strings = items.compactMap(\.stringValue)
        guard value.arrayValue != nil, strings.count == items.count
        else { throw row.unreadable(column, as: "a JSON list of strings", value: .text(JSONWriter.string(value))) }
        return strings
    }

    static func find(uuid: String, in context: TenantContext) throws -> DeployConfig {
        guard let row = try context.connection.first(
            select + " WHERE c.tenant_id = ? AND c.uuid = ?", context.tenantId, uuid.lowercased())
        else { throw DomainError.notFound("Not found.") }
        return try DeployConfig(row: row)
    }

    static func find(id: Int, in context: TenantContext) throws -> DeployConfig? {
        try context.connection.first(select + " WHERE c.tenant_id = ? AND c.id = ?", context.tenantId, id)
            .map(DeployConfig.init(row:))
    }

    func insert(in context: TenantContext) throws {
        try context.connection.run(
            """
            INSERT INTO vpsorg_deploy_configs (id, tenant_id, uuid, server_id, name, app_type, runtime_version, start_command,
                build_commands, domain, port, deploy_path, exclude_paths, git_repo, git_branch, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, context.tenantId, uuid, serverId, settings.name, settings.appType.rawValue, settings.runtimeVersion,
            settings.startCommand, Self.json(settings.buildCommands), settings.domain, settings.port, settings.deployPath,
            Self.json(settings.excludePaths), settings.gitRepo, settings.gitBranch, createdAt, updatedAt)
    }

    func save(in context: TenantContext) throws {
        try context.connection.run(
            """
            UPDATE vpsorg_deploy_configs SET server_id = ?, name = ?, app_type = ?, runtime_version = ?, start_command = ?,
                build_commands = ?, domain = ?, port = ?, deploy_path = ?, exclude_paths = ?, git_repo = ?, git_branch = ?,
                updated_at = ?
            WHERE tenant_id = ? AND id = ?
            """,
            serverId, settings.name, settings.appType.rawValue, settings.runtimeVersion, settings.startCommand,
            Self.json(settings.buildCommands), settings.domain, settings.port, settings.deployPath,
            Self.json(settings.excludePaths), settings.gitRepo, settings.gitBranch, updatedAt, context.tenantId, id)
    }

    private static func json(_ strings: [String]) -> String { JSONWriter.string(.array(strings.map { .string($0) })) }
}

extension VPSOrgModel {
    /// Creates the config, or, when the server already has one of that name, replaces its
    /// settings: the CLI's `vps deploy` posts its `vps.yaml` on every run ("create or
    /// update"). `created` tells which.
    public func saveDeployConfig(
        server reference: ServerReference, _ settings: DeploySettings, in context: TenantContext
    ) throws -> (config: DeployConfig, created: Bool) {
        let server = try VPSServer.find(reference, in: context)
        if var config = try deployConfig(server: server, named: settings.name, in: context) {
            config.settings = settings
            config.updatedAt = context.now
            try config.save(in: context)
            return (config, false)
        }
        let config = DeployConfig(
            id: try context.nextID("vpsorg_deploy_config", first: 1), uuid: context.random.uuid(), serverId: server.id,
            settings: settings, createdAt: context.now, updatedAt: context.now, serverUUID: server.uuid,
            serverHostname: server.hostname)
        try config.insert(in: context)
        try context.recordTransition(resourceType: DeployConfig.resourceType, resourceId: config.id, from: nil, to: "created")
        return (config, true)
    }

    /// Replaces a config's settings and, if `server` is given, moves it to that server.
    public func updateDeployConfig(
        _ uuid: String, server reference: ServerReference?, _ settings: DeploySettings, in context: TenantContext
    ) throws -> DeployConfig {
        var config = try DeployConfig.find(uuid: uuid, in: context)
        if let reference {
            let server = try VPSServer.find(reference, in: context)
            config.serverId = server.id
            config.serverUUID = server.uuid
            config.serverHostname = server.hostname
        }
        if let other = try deployConfig(server: config.serverId, named: settings.name, in: context), other.id != config.id {
            throw DomainError.invalid("name", "The server already has a deploy config called \(other.name).")
        }
        config.settings = settings
        config.updatedAt = context.now
        try config.save(in: context)
        return config
    }

    /// Deletes a config with its environment and its ended deployments; 409 while one is under way.
    public func deleteDeployConfig(_ uuid: String, in context: TenantContext) throws {
        let config = try DeployConfig.find(uuid: uuid, in: context)
        if try context.connection.first(
            "SELECT 1 FROM vpsorg_deployments WHERE config_id = ? AND status IN ('pending', 'running')", config.id) != nil
        {
            throw DomainError.conflict("A deployment of \(config.name) is under way; cancel it first.")
        }
        try context.connection.run("DELETE FROM vpsorg_deploy_configs WHERE tenant_id = ? AND id = ?", context.tenantId, config.id)
        try context.recordTransition(resourceType: DeployConfig.resourceType, resourceId: config.id, from: "created", to: "deleted")
    }

    /// The server's oldest config called `name`, if any (scenarios know configs by name).
    public func deployConfig(server: VPSServer, named name: String, in context: TenantContext) throws -> DeployConfig? {
        try deployConfig(server: server.id, named: name, in: context)
    }

    func deployConfig(server: Int, named name: String, in context: TenantContext) throws -> DeployConfig? {
        try context.connection.first(
            DeployConfig.select + " WHERE c.tenant_id = ? AND c.server_id = ? AND c.name = ? ORDER BY c.id LIMIT 1",
            context.tenantId, server, name
        ).map(DeployConfig.init(row:))
    }

    public func deployConfig(_ uuid: String, in context: TenantContext) throws -> DeployConfig {
        try DeployConfig.find(uuid: uuid, in: context)
    }

    public func countDeployConfigs(in context: TenantContext) throws -> Int {
        try context.connection.first(
            "SELECT COUNT(*) AS total FROM vpsorg_deploy_configs WHERE tenant_id = ?", context.tenantId)?.int("total") ?? 0
    }

    /// Configs in creation order, `limit` of them from `offset`.
    public func deployConfigs(offset: Int, limit: Int, in context: TenantContext) throws -> [DeployConfig] {
        try context.connection.query(
            DeployConfig.select + " WHERE c.tenant_id = ? ORDER BY c.id LIMIT ? OFFSET ?", [context.tenantId, limit, offset]
        ).map(DeployConfig.init(row:))
    }
}
