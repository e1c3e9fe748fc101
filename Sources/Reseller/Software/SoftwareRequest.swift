import SandboxCore

/// The body of `software/install` and `software/uninstall`: the server by `sid`, `ip` or
/// the documents' literal key `sid|ip` (either), `package`, `password`, optional `port`.
/// Every invalid field is named at once; an unknown or unready server ends the check (404, 409).
struct SoftwareRequest {
    let host: SoftwareHost
    /// The address the job logs in to: the one named, else the server's first.
    let ip: String
    let package: SoftwarePackage
    let password: String
    let port: Int

    init(_ fields: InputFields, catalog: CloudCatalog, in context: TenantContext) throws {
        var errors = FieldErrors()
        let server = try errors.reading { try Self.server(fields, in: context) }
        let package = try errors.reading { try Self.package(fields, catalog: catalog) }
        let password = try errors.reading { () -> String? in
            guard let password = try? fields.string("password"), !password.isEmpty else {
                throw DomainError.invalid("password", "password is required: the server's SSH root password")
            }
            return password
        }
        let port = try errors.reading { try fields.int("port", in: 1...65_535, required: false) }
        try errors.throwIfAny()
        guard let server, let package, let password else { throw DomainError.invalid("body", "the request is incomplete") }
        host = server.host
        ip = server.ip ?? server.host.primaryAddress
        self.package = package
        self.password = password
        self.port = port ?? SoftwareInstallations.sshPort
    }

    /// The server the keys name (all keys given must name the same one), and the address
    /// if one was named.
    private static func server(_ fields: InputFields, in context: TenantContext) throws -> (host: SoftwareHost, ip: String?) {
        var found: [(key: String, host: SoftwareHost, ip: String?)] = []
        for key in ["sid", "ip", "sid|ip"] where fields.has(key) {
            guard let value = try? fields.string(key) else {
                throw DomainError.invalid(key, "\(key) must be a server ID or one of its IP addresses")
            }
            if key != "ip", let id = Int(value) {
                found.append((key, try SoftwareHost.find(id: id, in: context), nil))
            } else if key != "sid", let host = try SoftwareHost.find(ipAddress: value, in: context) {
                found.append((key, host, value))
            } else if key == "sid" {
                throw DomainError.invalid("sid", "sid must be a server ID (an integer)")
            } else {
                throw DomainError.notFound("No server with IP address \(value) found")
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

    private static func package(_ fields: InputFields, catalog: CloudCatalog) throws -> SoftwarePackage {
        let names = catalog.software.map(\.package)
        let rule = "package must be one of GET /software/list (\(names.joined(separator: ", ")))"
        guard fields.has("package") else { throw DomainError.invalid("package", "package is required; \(rule)") }
        guard let name = try? fields.string("package"), let package = catalog.software.first(where: { $0.package == name })
        else { throw DomainError.invalid("package", rule) }
        return package
    }
}
