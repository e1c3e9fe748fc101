import SQLiteStore
import SandboxCore

/// A deploy config's environment variables: written to the app's `.env` on its next
/// deployment, never shown again in full.
public struct DeployEnvironment: Sendable {
    /// Name to value, sorted by name.
    public let variables: [(name: String, value: String)]

    /// What `GET .../env/` shows of a value: its first three characters when it is long
    /// enough that they give little away (12 or more), else nothing.
    public static func masked(_ value: String) -> String {
        value.count >= 12 ? String(value.prefix(3)) + "********" : "********"
    }

    /// Shell variable names: a letter or underscore, then letters, digits and underscores.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 128 else { return false }
        let letter = { (byte: UInt8) in (65...90).contains(byte) || (97...122).contains(byte) || byte == UInt8(ascii: "_") }
        return letter(first) && name.utf8.allSatisfy { letter($0) || (48...57).contains($0) }
    }
}

extension VPSOrgModel {
    public func environment(of uuid: String, in context: TenantContext) throws -> DeployEnvironment {
        let config = try DeployConfig.find(uuid: uuid, in: context)
        return try Self.environment(configId: config.id, in: context)
    }

    static func environment(configId: Int, in context: TenantContext) throws -> DeployEnvironment {
        let rows = try context.connection.query(
            "SELECT name, value FROM vpsorg_deploy_env WHERE tenant_id = ? AND config_id = ? ORDER BY name",
            [context.tenantId, configId])
        return DeployEnvironment(variables: try rows.map { (try $0.string("name"), try $0.string("value")) })
    }

    /// Sets (adds or replaces) the variables; the others stay.
    public func setEnvironment(of uuid: String, _ variables: [(name: String, value: String)], in context: TenantContext) throws {
        let config = try DeployConfig.find(uuid: uuid, in: context)
        for (name, value) in variables {
            try context.connection.run(
                """
                INSERT INTO vpsorg_deploy_env (tenant_id, config_id, name, value) VALUES (?, ?, ?, ?)
                ON CONFLICT(config_id, name) DO UPDATE SET value = excluded.value
                """,
                context.tenantId, config.id, name, value)
        }
        if !variables.isEmpty { try touch(config, in: context) }
    }

    /// Removes one variable; an unknown name is a 404.
    public func removeEnvironmentVariable(of uuid: String, _ name: String, in context: TenantContext) throws {
        let config = try DeployConfig.find(uuid: uuid, in: context)
        guard try context.connection.run(
            "DELETE FROM vpsorg_deploy_env WHERE tenant_id = ? AND config_id = ? AND name = ?", context.tenantId, config.id, name) > 0
        else { throw DomainError.notFound("Environment variable \"\(name)\" not found.") }
        try touch(config, in: context)
    }

    private func touch(_ config: DeployConfig, in context: TenantContext) throws {
        try context.connection.run(
            "UPDATE vpsorg_deploy_configs SET updated_at = ? WHERE tenant_id = ? AND id = ?", context.now, context.tenantId, config.id)
    }
}
