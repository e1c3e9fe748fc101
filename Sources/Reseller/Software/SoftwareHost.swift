import SandboxCore

/// The machine a software job logs in to over SSH: one of the tenant's VMs or one of its
/// dedicated servers, since the documents' "Server ID or IP" names either. A VM is looked
/// up first; a dedicated server must be delivered and not being reinstalled (409).
enum SoftwareHost {
    case virtual(VirtualServer)
    case dedicated(DedicatedServer)

    var id: Int {
        switch self {
        case .virtual(let server): server.id
        case .dedicated(let server): server.id
        }
    }

    /// The resource type its jobs are filed under; a job finds its host again by it.
    var resourceType: String {
        switch self {
        case .virtual: VirtualServer.resourceType
        case .dedicated: DedicatedServer.resourceType
        }
    }

    /// The table of its packages: VMs and dedicated servers have separate ID spaces.
    var table: String { Self.table(of: resourceType) }

    static func table(of resourceType: String) -> String {
        resourceType == DedicatedServer.resourceType ? "dedicated_software" : "server_software"
    }

    /// The address a job logs in to when the request named the server by ID.
    var primaryAddress: String {
        switch self {
        case .virtual(let server): server.ipv4.first ?? server.ips.first ?? ""
        case .dedicated(let server): server.ips.first ?? ""
        }
    }

    var rootPassword: String? {
        switch self {
        case .virtual(let server): server.rootPassword
        case .dedicated(let server): server.rootPassword
        }
    }

    /// The power state that keeps SSH from answering (stopped, reinstalling...), or nil when it runs.
    var offlineState: String? {
        switch self {
        case .virtual(let server): server.state == .running ? nil : server.state.rawValue
        case .dedicated(let server): server.power == .running ? nil : server.stateName
        }
    }

    // MARK: Lookups

    /// The tenant's VM or dedicated server `id`; 404 when it has neither.
    static func find(id: Int, in context: TenantContext) throws -> SoftwareHost {
        do {
            return .virtual(try VirtualServers.find(id, in: context))
        } catch let error as DomainError where error.kind == .notFound {
            guard try DedicatedServer.find(id, in: context) != nil else { throw error }
            return .dedicated(try DedicatedServers.idle(id, in: context))
        }
    }

    /// The tenant's VM or dedicated server with this address, or nil.
    static func find(ipAddress address: String, in context: TenantContext) throws -> SoftwareHost? {
        if let server = try VirtualServers.find(ipAddress: address, in: context) { return .virtual(server) }
        guard let server = try DedicatedServer.find(ipAddress: address, in: context) else { return nil }
        return .dedicated(try DedicatedServers.idle(server.id, in: context))
    }

    /// The host of a software job, as it is when the job runs.
    static func current(of job: JobRecord, in context: TenantContext) throws -> SoftwareHost {
        guard job.resourceType == DedicatedServer.resourceType else {
            return .virtual(try VirtualServers.find(job.resourceId, in: context))
        }
        guard let server = try DedicatedServer.find(job.resourceId, in: context) else {
            throw DomainError.notFound("Dedicated server \(job.resourceId) no longer exists")
        }
        return .dedicated(server)
    }
}
