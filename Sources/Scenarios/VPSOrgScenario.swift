import APIKit
import SandboxCore
import StructuredData
import VPSOrg
import VPSOrgAPI

/// A scenario's VPS.org SSH keys and servers, made through `POST /api/v1/ssh-keys/`'s and
/// `POST /api/v1/servers/`'s own paths (same field names), the servers then brought to their
/// declared status; each server with its `deployConfigs`, read as `POST /api/v1/deploy-configs/`
/// reads them, and their `env`.
struct VPSOrgScenario {
    enum Status: String, CaseIterable { case provisioning, active, stopped }

    let context: TenantContext
    let model: VPSOrgModel
    let report: ScenarioReport
    /// `POST /api/v1/servers/`'s own input declaration, so a scenario is read like the API reads it.
    let order: ServerInput.Order

    init(context: TenantContext, model: VPSOrgModel, report: ScenarioReport) {
        self.context = context
        self.model = model
        self.report = report
        order = ServerInput.Order(model.catalog)
    }

    private var orderFields: [String] { order.declaration.fields.map(\.name) }

    func apply(_ servers: [ScenarioNode]) throws {
        try ScenarioReport.requireUnique(servers, key: "name")
        for server in servers {
            try server.allowOnly(orderFields + ["status", "deployConfigs"])
            let name = try server.string("name", required: true)!
            if let existing = try model.server(named: name, in: context) {
                report.kept("vpsorgServer", name, id: existing.id)
                try applyDeployConfigs(try server.children("deployConfigs"), on: existing)
                continue
            }
            let status = try server.choice("status", Status.self, default: .active)
            let created = try server.applying {
                let input = try order.declaration.read(body: server.fields(orderFields))
                return try model.createServer(try order.order(input), in: context)
            }
            if status != .provisioning { try settle(created.id) }
            if status == .stopped {
                _ = try server.applying { try model.stopServer(.id(created.id), in: context) }
                try settle(created.id)
            }
            report.created("vpsorgServer", name, id: created.id)
            try applyDeployConfigs(try server.children("deployConfigs"), on: created)
        }
    }

    /// A config the server already has (by name) is kept as it is.
    private func applyDeployConfigs(_ configs: [ScenarioNode], on server: VPSServer) throws {
        try ScenarioReport.requireUnique(configs, key: "name")
        for config in configs {
            try config.allowOnly(DeployConfigForm.fieldNames + ["env"])
            let name = try config.string("name", required: true)!
            let key = "\(server.name)/\(name)"
            if let existing = try model.deployConfig(server: server, named: name, in: context) {
                report.kept("vpsorgDeployConfig", key, id: existing.id)
                continue
            }
            let created = try config.applying {
                try model.saveDeployConfig(
                    server: .id(server.id), try DeployConfigForm.settings(config.fields(DeployConfigForm.fieldNames), server: server),
                    in: context
                ).config
            }
            if let env = config.object["env"] {
                let variables = try config.applying(renamed: ["vars": "env"]) { try DeployConfigForm.environment(env) }
                try model.setEnvironment(of: created.uuid, variables, in: context)
            }
            report.created("vpsorgDeployConfig", key, id: created.id)
        }
    }

    /// SSH keys, added through `POST /api/v1/ssh-keys/`'s declaration; a key whose name the
    /// tenant has already is kept.
    func applySSHKeys(_ keys: [ScenarioNode]) throws {
        try ScenarioReport.requireUnique(keys, key: "name")
        let fields = SSHKeyInput.create.fields.map(\.name)
        for key in keys {
            try key.allowOnly(fields)
            let name = try key.string("name", required: true)!
            if let existing = try model.sshKey(named: name, in: context) {
                report.kept("vpsorgSshKey", name, id: existing.id)
                continue
            }
            let added = try key.applying {
                let sent = try SSHKeyInput.key(try SSHKeyInput.create.read(body: key.fields(fields)))
                return try model.addSSHKey(name: sent.name, key: sent.key, in: context)
            }
            report.created("vpsorgSshKey", name, id: added.id)
        }
    }

    /// The transition in progress ends now (provisioning assigns the addresses).
    private func settle(_ id: Int) throws {
        try context.fireTimers(resourceType: VPSServer.resourceType, resourceId: id)
    }
}
