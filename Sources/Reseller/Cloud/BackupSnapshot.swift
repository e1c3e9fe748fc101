import SQLiteStore
import SandboxCore
import StructuredData

/// What a backup keeps of its VM (resources, template, hostname, root password), stored as
/// JSON in `server_backups.snapshot` and put back by a restore. The addresses are not kept:
/// a restored VM keeps the ones it has.
struct BackupSnapshot {
    let cpuCores: Int
    let memoryMB: Int
    let diskGB: Int
    let template: String
    let hostname: String
    /// nil when the backup was taken before the first install finished.
    let rootPassword: String?

    init(of server: VirtualServer) {
        cpuCores = server.cpuCores
        memoryMB = server.memoryMB
        diskGB = server.diskGB
        template = server.template
        hostname = server.hostname
        rootPassword = server.rootPassword
    }

    /// The snapshot of a `server_backups` row; a snapshot the model did not write is a storage fault.
    init(_ row: Row) throws {
        let stored = try row.json("snapshot")
        func value<T>(_ key: String, _ read: (JSONValue) -> T?) throws -> T {
            guard let member = stored[key], let value = read(member) else {
                throw row.unreadable("snapshot", as: "a backup snapshot with \(key)", value: .text(JSONWriter.string(stored)))
            }
            return value
        }
        cpuCores = try value("cpuCores") { $0.intValue.map(Int.init) }
        memoryMB = try value("mem") { $0.intValue.map(Int.init) }
        diskGB = try value("disk") { $0.intValue.map(Int.init) }
        template = try value("template") { $0.stringValue }
        hostname = try value("hostname") { $0.stringValue }
        rootPassword = stored["rootPassword"]?.stringValue
    }

    var json: JSONValue {
        [
            "cpuCores": .int(cpuCores), "mem": .int(memoryMB), "disk": .int(diskGB), "template": .string(template),
            "hostname": .string(hostname), "rootPassword": .string(rootPassword),
        ]
    }

    /// Puts the kept configuration back; the price follows the restored resources.
    func restore(into server: inout VirtualServer) {
        server.cpuCores = cpuCores
        server.memoryMB = memoryMB
        server.diskGB = diskGB
        server.template = template
        server.hostname = hostname
        server.rootPassword = rootPassword ?? server.rootPassword
        server.monthlyPriceCents = VirtualServerPrice.monthlyCents(
            cpuCores: cpuCores, memoryMB: memoryMB, diskGB: diskGB, ipCount: server.ipCount)
    }
}
