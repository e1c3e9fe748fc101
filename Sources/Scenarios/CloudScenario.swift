import Reseller
import ResellerAPI
import SandboxCore
import StructuredData

/// A scenario's VMs, created through `POST /datacenter/server`'s own path (its input
/// declaration, then the model), then brought to their declared state with their backups,
/// scheduled tasks and software, each read through its endpoint's declaration too.
struct CloudScenario {
    enum State: String, CaseIterable { case installing, running, stopped }
    /// As `GET .../backups/status` and `GET .../software` show them.
    enum BackupStatus: String, CaseIterable { case finished, running }
    enum SoftwareStatus: String, CaseIterable { case installed, installing }

    static let fields = [
        "hostname", "template", "cpuCores", "mem", "disk", "ipCount", "location", "sshKey", "state", "ips", "password",
        "backups", "scheduledTasks", "software",
    ]
    /// Sizes a scenario may leave out.
    static let defaults: JSONObject = ["cpuCores": 1, "mem": 1024, "disk": "25G", "ipCount": 1]

    let context: TenantContext
    let catalog: CloudCatalog
    let report: ScenarioReport

    func apply(_ vms: [ScenarioNode]) throws {
        try ScenarioReport.requireUnique(vms, key: "hostname")
        for vm in vms {
            try vm.allowOnly(Self.fields)
            let hostname = try vm.string("hostname", required: true)!
            if let id = try VirtualServers.id(hostname: hostname, in: context) {
                report.kept("vm", hostname, id: id)
                continue
            }
            report.created("vm", hostname, id: try create(vm))
        }
    }

    private func create(_ vm: ScenarioNode) throws -> Int {
        let state = try vm.choice("state", State.self, default: .running)
        let password = try vm.string("password")
        if password != nil, state == .installing {
            throw vm.refusal("password", "needs state running or stopped: an installing VM has no root password yet")
        }
        let addresses = try self.addresses(vm)
        var order = Self.defaults
        for entry in vm.fields(["hostname", "template", "cpuCores", "mem", "disk", "ipCount", "location", "sshKey"]).entries {
            order[entry.key] = entry.value
        }
        if let addresses { order["ipCount"] = .int(addresses.ipv4.count) }
        let job = try vm.applying {
            try VirtualServerProvisioning.create(
                try VirtualServerInput(catalog: catalog).order(body: order), catalog: catalog, in: context)
        }
        let id = job.resourceId
        if let addresses {
            var server = try VirtualServers.find(id, in: context)
            server.ipv4 = addresses.ipv4
            if !addresses.ipv6.isEmpty { server.ipv6 = addresses.ipv6 }
            try VirtualServers.save(server, in: context)
        }
        guard state != .installing else {
            try refuseChildren(of: vm)
            return id
        }
        try context.completeJob(job.id)
        if password != nil {
            // Through the reset route's path, so the document's password rule holds here too.
            try vm.applying {
                let password = try VirtualServerSettingsInput.password(body: vm.fields(["password"]))
                _ = try VirtualServerSettings.resetPassword(id, to: password, in: context)
            }
        }
        try applyBackups(vm, serverId: id)
        try applySoftware(vm, serverId: id)
        for task in try vm.children("scheduledTasks") {
            try task.allowOnly(["command", "interval"])
            try task.applying {
                let order = try ScheduledTaskInput.task(body: task.fields(["command", "interval"]))
                try ScheduledTasks.create(id, command: order.command, interval: order.interval, in: context)
            }
        }
        if state == .stopped { try VirtualServerPower.perform(.stop, on: id, in: context) }
        return id
    }

    private func applyBackups(_ vm: ScenarioNode, serverId: Int) throws {
        for backup in try vm.children("backups") {
            try backup.allowOnly(["status"])
            let status = try backup.choice("status", BackupStatus.self, default: .finished)
            let job = try backup.applying { try ServerBackups.create(serverId, in: context) }
            if status == .finished { try context.completeJob(job.id) }
        }
    }

    private func applySoftware(_ vm: ScenarioNode, serverId: Int) throws {
        let password = try VirtualServers.find(serverId, in: context).rootPassword ?? ""
        let input = SoftwareInput(catalog: catalog)
        for package in try vm.children("software") {
            try package.allowOnly(["package", "status"])
            let status = try package.choice("status", SoftwareStatus.self, default: .installed)
            let fields = package.fields(["package"], adding: ["sid": .int(serverId), "password": .string(password)])
            let job = try package.applying { try SoftwareInstallations.install(try input.order(body: fields), in: context) }
            if status == .installed { try context.completeJob(job.id) }
        }
    }

    /// An installing VM has nothing to back up, schedule or install on yet.
    private func refuseChildren(of vm: ScenarioNode) throws {
        for key in ["backups", "scheduledTasks", "software"] where !(try vm.children(key)).isEmpty {
            throw vm.refusal(key, "needs state running or stopped: the VM is still installing")
        }
    }

    /// `ips`: the VM's addresses instead of drawn ones; at least one IPv4, none another VM's.
    private func addresses(_ vm: ScenarioNode) throws -> (ipv4: [String], ipv6: [String])? {
        guard let ips = try vm.strings("ips") else { return nil }
        var ipv4: [String] = []
        var ipv6: [String] = []
        for (index, address) in ips.enumerated() {
            let field = "ips[\(index)]"
            if IPAddress.isIPv4(address) { ipv4.append(address) } else if IPAddress.isIPv6(address) { ipv6.append(address) } else {
                throw vm.refusal(field, "\(address) is neither an IPv4 nor an IPv6 address")
            }
            if ips.firstIndex(of: address) != index { throw vm.refusal(field, "\(address) is listed twice") }
            if let owner = try VirtualServers.find(ipAddress: address, in: context) {
                throw vm.refusal(field, "\(address) already belongs to VM \(owner.id) (\(owner.hostname))")
            }
        }
        guard (1...16).contains(ipv4.count) else { throw vm.refusal("ips", "must hold 1 to 16 IPv4 addresses") }
        return (ipv4, ipv6)
    }
}
