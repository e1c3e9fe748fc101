import APIKit
import HTTP1
import VPSOrg

/// The VPS.org API: the documented servers under `/api/v1/servers`, and beside them, under
/// `/api/v1`, the account resources VPS.org's own clients call (domains, DNS zones and
/// records). Both answer in DRF's format, unknown paths under their sections included.
public enum VPSOrgAPI {
    static let prefix = "/api/v1/servers"
    static let root = "/api/v1"
    static let domains = "/domains"
    static let dnsZones = "/dns-zones"
    static let dnsRecords = "/dns-records"

    public static func services(model: VPSOrgModel) -> [APIService] {
        [
            APIService(
                name: "vpsorg", prefix: prefix,
                routes: ServerRoutes.routes(model: model) + PowerRoutes.routes(model: model), errors: VPSOrgErrors(),
                documentation: ServiceDocumentation("VPS.org API", credentials: .bearer)),
            // `/api/v1` is the reseller API's too: this service owns only its sections.
            APIService(
                name: "vpsorg", prefix: root, sections: [domains, dnsZones, dnsRecords],
                routes: DomainRoutes.routes(model: model) + DNSZoneRoutes.routes(model: model) + DNSRecordRoutes.routes(model: model),
                errors: VPSOrgErrors(), documentation: ServiceDocumentation("VPS.org API", credentials: .bearer)),
        ]
    }
}
