import SandboxCore

/// `POST /software/install` and `/software/uninstall`, their fields already checked.
public struct SoftwareOrder: Sendable {
    /// The server as the request names it: by `sid`, by `ip`, or by the documents' literal key
    /// `sid|ip` (an ID or an address). At least one is needed; all given must name the same server.
    public let serverId: Int?
    public let address: String?
    public let serverIdOrAddress: String?
    public let package: SoftwarePackage
    /// The server's root password, which the job logs in with.
    public let password: String
    /// nil: the SSH default.
    public let port: Int?

    public init(
        serverId: Int?, address: String?, serverIdOrAddress: String?, package: SoftwarePackage, password: String, port: Int?
    ) {
        self.serverId = serverId
        self.address = address
        self.serverIdOrAddress = serverIdOrAddress
        self.package = package
        self.password = password
        self.port = port
    }
}

/// A software order with its server found: an unknown server is a 404, a dedicated server
/// that is not ready a 409.
struct SoftwareRequest {
    let host: SoftwareHost
    /// The address the job logs in to: the one named, else the server's first.
    let ip: String
    let package: SoftwarePackage
    let password: String
    let port: Int

    init(_ order: SoftwareOrder, in context: TenantContext) throws {
        let server = try Self.server(order, in: context)
        host = server.host
        ip = server.ip ?? server.host.primaryAddress
        package = order.package
        password = order.password
        port = order.port ?? SoftwareInstallations.sshPort
    }

    /// The server the keys name (all keys given must name the same one), and the address
    /// if one was named.
    private static func server(_ order: SoftwareOrder, in context: TenantContext) throws -> (host: SoftwareHost, ip: String?) {
        var found: [(key: String, host: SoftwareHost, ip: String?)] = []
        if let id = order.serverId { found.append(("sid", try SoftwareHost.find(id: id, in: context), nil)) }
        if let address = order.address { found.append(("ip", try host(address, in: context), address)) }
        if let value = order.serverIdOrAddress {
            if let id = Int(value) {
                found.append(("sid|ip", try SoftwareHost.find(id: id, in: context), nil))
            } else {
                found.append(("sid|ip", try host(value, in: context), value))
            }
        }
        guard let first = found.first else {
            throw DomainError.invalid("sid|ip", "sid|ip is required: the server ID (sid) or one of its IP addresses (ip)")
        }
        if let other = found.first(where: { $0.host.id != first.host.id || $0.host.resourceType != first.host.resourceType }) {
            throw DomainError.invalid(other.key, "\(first.key) and \(other.key) name different servers")
        }
        return (first.host, found.compactMap(\.ip).first)
    }

    private static func host(_ address: String, in context: TenantContext) throws -> SoftwareHost {
        guard let host = try SoftwareHost.find(ipAddress: address, in: context) else {
            throw DomainError.notFound("No server with IP address \(address) found")
        }
        return host
    }
}
