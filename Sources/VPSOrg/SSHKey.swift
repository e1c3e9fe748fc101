import SQLiteStore
import SandboxCore

/// An SSH public key of the tenant's account (`/api/v1/ssh-keys/`), installed on servers
/// created with it (the clients' `ssh_keys`).
public struct SSHKey: Sendable {
    public static let resourceType = "vpsorg_ssh_key"

    public let id: Int
    public let uuid: String
    public let name: String
    public let publicKey: String
    public let fingerprint: String
    public let createdAt: Int64
    /// When a server was last created with the key.
    public let lastUsedAt: Int64?

    init(row: Row) throws {
        id = try row.int("id")
        uuid = try row.string("uuid")
        name = try row.string("name")
        publicKey = try row.string("public_key")
        fingerprint = try row.string("fingerprint")
        createdAt = try row.int64("created_at")
        lastUsedAt = try row.optionalInt("last_used_at").map(Int64.init)
    }
}

/// A key as a server recorded it when it was created.
public struct InstalledSSHKey: Sendable {
    public let uuid: String
    public let name: String
    public let fingerprint: String
}

extension VPSOrgModel {
    /// Adds a key; one with the same fingerprint already in the account is refused under `public_key`.
    public func addSSHKey(name: String, key: SSHPublicKey, in context: TenantContext) throws -> SSHKey {
        if try context.connection.first(
            "SELECT 1 FROM vpsorg_ssh_keys WHERE tenant_id = ? AND fingerprint = ?", context.tenantId, key.fingerprint) != nil
        {
            throw DomainError.invalid("public_key", "An SSH key with this fingerprint already exists.")
        }
        try context.connection.run(
            """
            INSERT INTO vpsorg_ssh_keys (uuid, tenant_id, name, public_key, fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, context.random.uuid(), context.tenantId, name, key.line, key.fingerprint, context.now)
        let id = Int(context.connection.lastInsertedRowID)
        try context.recordTransition(resourceType: SSHKey.resourceType, resourceId: id, from: nil, to: "added")
        guard let row = try context.connection.first("SELECT * FROM vpsorg_ssh_keys WHERE id = ?", id) else {
            throw DomainError.notFound("Not found.")
        }
        return try SSHKey(row: row)
    }

    /// The tenant's key with this uuid, or nil.
    public func sshKey(uuid: String, in context: TenantContext) throws -> SSHKey? {
        try context.connection.first(
            "SELECT * FROM vpsorg_ssh_keys WHERE tenant_id = ? AND uuid = ?", context.tenantId, uuid.lowercased()
        ).map(SSHKey.init(row:))
    }

    public func sshKey(_ uuid: String, in context: TenantContext) throws -> SSHKey {
        guard let key = try sshKey(uuid: uuid, in: context) else { throw DomainError.notFound("Not found.") }
        return key
    }

    /// The tenant's oldest key called `name`, if any (scenarios know keys by name).
    public func sshKey(named name: String, in context: TenantContext) throws -> SSHKey? {
        try context.connection.first(
            "SELECT * FROM vpsorg_ssh_keys WHERE tenant_id = ? AND name = ? ORDER BY id", context.tenantId, name
        ).map(SSHKey.init(row:))
    }

    public func countSSHKeys(in context: TenantContext) throws -> Int {
        try context.connection.first("SELECT COUNT(*) AS total FROM vpsorg_ssh_keys WHERE tenant_id = ?", context.tenantId)?
            .int("total") ?? 0
    }

    /// The tenant's keys, oldest first.
    public func sshKeys(offset: Int, limit: Int, in context: TenantContext) throws -> [SSHKey] {
        try context.connection.query(
            "SELECT * FROM vpsorg_ssh_keys WHERE tenant_id = ? ORDER BY id LIMIT ? OFFSET ?", [context.tenantId, limit, offset]
        ).map(SSHKey.init(row:))
    }

    /// Removes the key from the account; servers keep it installed.
    public func deleteSSHKey(_ uuid: String, in context: TenantContext) throws {
        let key = try sshKey(uuid, in: context)
        try context.connection.run("DELETE FROM vpsorg_ssh_keys WHERE tenant_id = ? AND id = ?", context.tenantId, key.id)
        try context.recordTransition(resourceType: SSHKey.resourceType, resourceId: key.id, from: "added", to: "deleted")
    }

    /// The keys a server was created with.
    public func installedSSHKeys(on server: VPSServer, in context: TenantContext) throws -> [InstalledSSHKey] {
        try context.connection.query(
            "SELECT key_uuid, name, fingerprint FROM vpsorg_server_ssh_keys WHERE tenant_id = ? AND server_id = ? ORDER BY id",
            [context.tenantId, server.id]
        ).map { try InstalledSSHKey(uuid: $0.string("key_uuid"), name: $0.string("name"), fingerprint: $0.string("fingerprint")) }
    }

    /// Records the keys on a new server and stamps them as used.
    func install(_ keys: [SSHKey], on server: VPSServer, in context: TenantContext) throws {
        for key in keys {
            try context.connection.run(
                "INSERT INTO vpsorg_server_ssh_keys (tenant_id, server_id, key_uuid, name, fingerprint) VALUES (?, ?, ?, ?, ?)",
                context.tenantId, server.id, key.uuid, key.name, key.fingerprint)
            try context.connection.run(
                "UPDATE vpsorg_ssh_keys SET last_used_at = ? WHERE tenant_id = ? AND id = ?", context.now, context.tenantId, key.id)
        }
    }
}
