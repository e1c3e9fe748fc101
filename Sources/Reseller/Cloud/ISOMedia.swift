import SandboxCore

/// The virtual CD drive of a VM: the ISOs of `isos.json` can be inserted and ejected.
public enum ISOMedia {
    /// `GET .../iso`: the catalogue (the same for every VM), after checking the VM exists.
    public static func available(for serverId: Int, catalog: CloudCatalog, in context: TenantContext) throws -> [ISOImage] {
        _ = try VirtualServers.find(serverId, in: context)
        return catalog.isos
    }

    /// `POST .../iso`: inserts the ISO (an id of the catalogue); a running VM reboots at once to
    /// boot from it. Returns whether it rebooted (a stopped VM stays stopped and boots from it on start).
    public static func insert(_ serverId: Int, isoId: String, in context: TenantContext) throws -> Bool {
        var server = try VirtualServers.find(serverId, in: context)
        try server.requireIdle()
        server.iso = isoId
        guard server.state == .running else {
            try VirtualServers.save(server, in: context)
            return false
        }
        try VirtualServerPower.cancelPending(server, in: context)
        try VirtualServerPower.restart(&server, in: context)
        return true
    }

    /// `DELETE .../iso`: ejects the ISO (no reboot; nothing inserted is fine too).
    public static func eject(_ serverId: Int, in context: TenantContext) throws {
        var server = try VirtualServers.find(serverId, in: context)
        try server.requireIdle()
        guard server.iso != nil else { return }
        server.iso = nil
        try VirtualServers.save(server, in: context)
    }
}
