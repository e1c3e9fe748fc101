import SandboxCore
import StructuredData
import VPSOrg

/// The document's server shapes, key for key: the list item, the create answer, the
/// detail (also answered by PUT/PATCH) and the short form inside power-action answers.
enum ServerJSON {
    static func listItem(_ server: VPSServer) -> JSONValue {
        [
            "id": .int(server.id), "name": .string(server.name), "hostname": .string(server.hostname),
            "status": .string(server.status.rawValue), "ip_address": .string(server.ipAddress),
            "location": .string(server.location), "plan": plan(server.plan, bandwidth: false),
            "os": operatingSystem(server), "created_at": .string(Timestamp.iso8601(server.createdAt)),
            "updated_at": .string(Timestamp.iso8601(server.updatedAt)),
        ]
    }

    static func created(_ server: VPSServer) -> JSONValue {
        [
            "id": .int(server.id), "name": .string(server.name), "hostname": .string(server.hostname),
            "status": .string(server.status.rawValue), "ip_address": .string(server.ipAddress),
            "location": .string(server.location), "plan": plan(server.plan, bandwidth: false),
            "os": operatingSystem(server), "backups_enabled": .bool(server.backupsEnabled),
            "created_at": .string(Timestamp.iso8601(server.createdAt)),
            "updated_at": .string(Timestamp.iso8601(server.updatedAt)),
            "message": "Server is being provisioned. This may take 2-5 minutes.",
        ]
    }

    static func detail(_ server: VPSServer, usage: ResourceUsage) -> JSONValue {
        [
            "id": .int(server.id), "name": .string(server.name), "hostname": .string(server.hostname),
            "status": .string(server.status.rawValue), "ip_address": .string(server.ipAddress),
            "ipv6_address": .string(server.ipv6Address), "location": .string(server.location),
            "plan": plan(server.plan, bandwidth: true), "os": operatingSystem(server),
            "backups_enabled": .bool(server.backupsEnabled),
            "resource_usage": [
                "cpu_percent": .double(usage.cpuPercent), "memory_used": .int(usage.memoryUsed),
                "disk_used": .int(usage.diskUsed), "bandwidth_used": .int(usage.bandwidthUsed),
            ],
            "created_at": .string(Timestamp.iso8601(server.createdAt)),
            "updated_at": .string(Timestamp.iso8601(server.updatedAt)),
        ]
    }

    static func action(_ server: VPSServer, message: String) -> JSONValue {
        [
            "status": "success", "message": .string(message),
            "server": ["id": .int(server.id), "name": .string(server.name), "status": .string(server.status.rawValue)],
        ]
    }

    private static func plan(_ plan: Plan, bandwidth: Bool) -> JSONValue {
        var object: JSONObject = [
            "id": .int(plan.id), "name": .string(plan.name), "vcpus": .int(plan.vcpus), "memory": .int(plan.memory),
            "storage": .int(plan.storage),
        ]
        if bandwidth { object["bandwidth"] = .int(plan.bandwidth) }
        return .object(object)
    }

    private static func operatingSystem(_ server: VPSServer) -> JSONValue {
        ["id": .int(server.operatingSystem.id), "name": .string(server.operatingSystem.name)]
    }
}
