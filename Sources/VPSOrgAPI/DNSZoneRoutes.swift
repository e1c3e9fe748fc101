import APIKit
import HTTP1
import SandboxCore
import VPSOrg

/// `/api/v1/dns-zones/`: list (by domain), create, detail with records, delete; add a record.
enum DNSZoneRoutes {
    static let base = VPSOrgAPI.dnsZones

    static func routes(model: VPSOrgModel) -> [APIRoute] {
        [
            .tenant(.GET, base, "List DNS zones (domain; page, page_size)", input: DNSZoneInput.list, answer: .json(DNSZonePresenter.page)) {
                request, input in
                let filter = DNSZoneFilter(domain: input[DNSZoneInput.domainFilter])
                let context = request.context
                let page = try PageRequest(
                    page: input[PageInput.page], size: input[PageInput.pageSize],
                    count: model.countZones(filter, in: context))
                return page.page(try model.zones(filter, offset: page.offset, limit: page.size, in: context), request: request.http)
            },
            .tenant(
                .POST, base, "Create a DNS zone, with NS records for VPS.org's nameservers", input: DNSZoneInput.creation,
                answer: .json(DNSZonePresenter.detail, status: .created, "Created").linking(links)
            ) { request, input in
                try detail(try model.createZone(try input.required(DNSZoneInput.domain), in: request.context), model, request)
            },
            .tenant(.GET, base + "/{zone_id}", "DNS zone details with its records", answer: .json(DNSZonePresenter.detail)) { request, _ in
                try detail(try model.zone(request.parameter("zone_id"), in: request.context), model, request)
            },
            .tenant(.DELETE, base + "/{zone_id}", "Delete a DNS zone and its records", answer: .empty()) { request, _ in
                try model.deleteZone(request.parameter("zone_id"), in: request.context)
            },
            .tenant(
                .POST, base + "/{zone_id}/records", "Add a record to a DNS zone", input: DNSRecordInput.creation,
                before: { request in _ = try model.zone(request.parameter("zone_id"), in: request.context) },
                answer: .json(DNSRecordPresenter.record, status: .created, "Created").linking(DNSRecordRoutes.links)
            ) { request, input in
                try model.addRecord(to: request.parameter("zone_id"), try DNSRecordInput.content(input), in: request.context)
            },
        ]
    }

    private static func detail(_ zone: DNSZone, _ model: VPSOrgModel, _ request: APIRequest) throws -> DNSZonePresenter.Detailed {
        (zone, try model.records(of: zone, in: request.context))
    }

    /// What a created zone's uuid is used for.
    private static let links = [
        ("GetZone", HTTPMethod.GET, ""), ("DeleteZone", .DELETE, ""), ("AddRecord", .POST, "/records"),
    ].map { name, method, action in
        AnswerLink(name, method, VPSOrgAPI.prefix + base + "/{zone_id}" + action, [("zone_id", "$response.body#/uuid")])
    }
}
