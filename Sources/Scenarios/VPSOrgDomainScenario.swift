import SandboxCore
import StructuredData
import VPSOrg
import VPSOrgAPI

/// A scenario's VPS.org domains and DNS zones, made through the API's own paths and read with
/// their input declarations (same field names): a domain is registered (`POST /api/v1/domains/`)
/// and then pointed at its `nameservers` if given; a zone is created (`POST /api/v1/dns-zones/`)
/// with its NS records, then each of its `records` added (`POST .../records/`). Domains are
/// known by name, zones by domain: one that exists is kept as it is.
struct VPSOrgDomainScenario {
    let context: TenantContext
    let model: VPSOrgModel
    let report: ScenarioReport

    func applyDomains(_ domains: [ScenarioNode]) throws {
        try ScenarioReport.requireUnique(domains, key: "domain_name")
        let registration = DomainInput.registration.fields.map(\.name)
        for node in domains {
            try node.allowOnly(registration + ["nameservers"])
            let name = try node.string("domain_name", required: true)!
            if let existing = try model.domain(named: name, in: context) {
                report.kept("vpsorgDomain", existing.name, id: existing.id)
                continue
            }
            let domain = try node.applying {
                let input = try DomainInput.registration.read(body: node.fields(registration))
                let domain = try model.registerDomain(
                    try input.required(DomainInput.domainName), years: input[DomainInput.years] ?? 1, in: context)
                guard node.has("nameservers") else { return domain }
                let servers = try DomainInput.nameserverUpdate.read(body: node.fields(["nameservers"]))
                return try model.updateNameservers(domain.uuid, try servers.required(DomainInput.nameservers), in: context)
            }
            report.created("vpsorgDomain", domain.name, id: domain.id)
        }
    }

    func applyZones(_ zones: [ScenarioNode]) throws {
        try ScenarioReport.requireUnique(zones, key: "domain")
        let recordFields = DNSRecordInput.creation.fields.map(\.name)
        for node in zones {
            try node.allowOnly(["domain", "records"])
            let domain = try node.string("domain", required: true)!
            if let existing = try model.zone(domain: domain, in: context) {
                report.kept("vpsorgDnsZone", existing.domain, id: existing.id)
                continue
            }
            let zone = try node.applying {
                let input = try DNSZoneInput.creation.read(body: node.fields(["domain"]))
                return try model.createZone(try input.required(DNSZoneInput.domain), in: context)
            }
            for record in try node.children("records") {
                try record.allowOnly(recordFields)
                try record.applying {
                    let input = try DNSRecordInput.creation.read(body: record.fields(recordFields))
                    return try model.addRecord(to: zone.uuid, try DNSRecordInput.content(input), in: context)
                }
            }
            report.created("vpsorgDnsZone", zone.domain, id: zone.id)
        }
    }
}
