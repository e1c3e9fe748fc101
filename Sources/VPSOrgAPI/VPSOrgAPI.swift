import APIKit
import HTTP1
import VPSOrg

/// The VPS.org API under `/api/v1`: the documented servers, and the resources VPS.org's own
/// clients call beside them. It shares `/api/v1` with the reseller API, so it owns only its
/// sections, and answers unknown paths under them in DRF's format.
public enum VPSOrgAPI {
    static let prefix = "/api/v1"
    static let servers = "/servers"
    static let plans = "/plans"
    static let locations = "/locations"
    static let operatingSystems = "/operating-systems"
    static let sshKeys = "/ssh-keys"
    static let domains = "/domains"
    static let dnsZones = "/dns-zones"
    static let dnsRecords = "/dns-records"
    static let deployConfigs = "/deploy-configs"
    static let deployments = "/deployments"
    /// Every resource the API serves under `prefix`.
    static let sections = [
        servers, plans, locations, operatingSystems, sshKeys, domains, dnsZones, dnsRecords, deployConfigs, deployments,
    ]

    public static func service(model: VPSOrgModel) -> APIService {
        APIService(
            name: "vpsorg", prefix: prefix, sections: sections,
            routes: ServerRoutes.routes(model: model) + PowerRoutes.routes(model: model) + PlanRoutes.routes(model: model)
                + LocationRoutes.routes(model: model) + OperatingSystemRoutes.routes(model: model)
                + ServerActionRoutes.routes(model: model) + ServerBackupRoutes.routes(model: model) + SSHKeyRoutes.routes(model: model)
                + DomainRoutes.routes(model: model) + DNSZoneRoutes.routes(model: model) + DNSRecordRoutes.routes(model: model)
                + DeployConfigRoutes.routes(model: model) + DeployEnvironmentRoutes.routes(model: model)
                + DeploymentRoutes.routes(model: model),
            errors: VPSOrgErrors(), documentation: ServiceDocumentation("VPS.org API", credentials: .bearer))
    }
}
