import APIKit
import HTTP1
import VPSOrg

/// The VPS.org API under `/api/v1`: the documented servers, and the resources VPS.org's own
/// clients call beside them. It shares `/api/v1` with the reseller API, so it owns only its
/// sections, and answers unknown paths under them in DRF's format.
public enum VPSOrgAPI {
    static let prefix = "/api/v1"
    static let servers = "/servers"
    static let domains = "/domains"
    static let dnsZones = "/dns-zones"
    static let dnsRecords = "/dns-records"
    /// Every resource the API serves under `prefix`.
    static let sections = [servers, domains, dnsZones, dnsRecords]

    public static func service(model: VPSOrgModel) -> APIService {
        APIService(
            name: "vpsorg", prefix: prefix, sections: sections,
            routes: ServerRoutes.routes(model: model) + PowerRoutes.routes(model: model) + DomainRoutes.routes(model: model)
                + DNSZoneRoutes.routes(model: model) + DNSRecordRoutes.routes(model: model),
            errors: VPSOrgErrors(), documentation: ServiceDocumentation("VPS.org API", credentials: .bearer))
    }
}
