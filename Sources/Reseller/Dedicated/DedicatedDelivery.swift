import SandboxCore

/// Finding a tenant's dedicated orders by hostname and delivering them at once: what a
/// scenario needs to declare "ordered" or "delivered" servers.
public enum DedicatedDelivery {
    /// The dedicated server ordered from the market under `hostname`, if any.
    public static func server(hostname: String, in context: TenantContext) throws -> Int? {
        try context.connection.first(
            "SELECT id FROM dedicated_servers WHERE tenant_id = ? AND hostname = ? AND byod_order_id IS NULL ORDER BY id",
            context.tenantId, hostname
        )?.int("id")
    }

    /// The BYOD order placed for `hostname`, if any.
    public static func byodOrder(hostname: String, in context: TenantContext) throws -> Int? {
        try context.connection.first(
            "SELECT id FROM dedicated_byod_orders WHERE tenant_id = ? AND hostname = ? ORDER BY id", context.tenantId, hostname
        )?.int("id")
    }

    /// Finishes the server's provisioning now.
    public static func deliver(server id: Int, in context: TenantContext) throws {
        try completeJobs(of: DedicatedServer.resourceType, id, in: context)
    }

    /// Finishes the BYOD build now: the order completes and its server exists.
    public static func deliver(byodOrder number: Int, in context: TenantContext) throws {
        try completeJobs(of: ByodOrder.resourceType, number, in: context)
    }

    private static func completeJobs(of resourceType: String, _ id: Int, in context: TenantContext) throws {
        for job in try context.jobs(resourceType: resourceType, resourceId: id, activeOnly: true) {
            try context.completeJob(job.id)
        }
    }
}
