import APIKit
import HTTP1
import SandboxCore
import VPSOrg

/// `/api/v1/domains/`: register and list; a domain's detail, nameservers and renewal; search.
enum DomainRoutes {
    static let base = VPSOrgAPI.domains

    static func routes(model: VPSOrgModel) -> [APIRoute] {
        [
            .tenant(.GET, base, "List domains (page, page_size)", input: PageInput.declaration, answer: .json(DomainPresenter.page)) {
                request, input in
                let context = request.context
                let page = try PageRequest(
                    page: input[PageInput.page], size: input[PageInput.pageSize], count: model.countDomains(in: context))
                let domains = try model.domains(offset: page.offset, limit: page.size, in: context)
                return page.page(domains.map { ($0, context.now) }, request: request.http)
            },
            .tenant(
                .POST, base, "Register a domain, charged at its TLD's yearly price", input: DomainInput.registration,
                answer: .json(DomainPresenter.domain, status: .created, "Registered").linking(links)
            ) { request, input in
                let domain = try model.registerDomain(
                    try input.required(DomainInput.domainName), years: input[DomainInput.years] ?? 1, in: request.context)
                return (domain, request.context.now)
            },
            .tenant(
                .POST, base + "/search", "Whether a domain can be registered, and its price", input: DomainInput.search,
                answer: .json(DomainPresenter.availability)
            ) { request, input in
                try model.searchDomain(try input.required(DomainInput.searched), in: request.context)
            },
            .tenant(.GET, base + "/{domain_id}", "Domain details", answer: .json(DomainPresenter.domain)) { request, _ in
                (try model.domain(request.parameter("domain_id"), in: request.context), request.context.now)
            },
            .tenant(
                .POST, base + "/{domain_id}/update_nameservers", "Point the domain at 2 to 4 nameservers",
                input: DomainInput.nameserverUpdate, before: find(model), answer: .json(DomainPresenter.domain)
            ) { request, input in
                let domain = try model.updateNameservers(
                    request.parameter("domain_id"), try input.required(DomainInput.nameservers), in: request.context)
                return (domain, request.context.now)
            },
            .tenant(
                .POST, base + "/{domain_id}/renew", "Renew for more years, charged at the TLD's renewal price",
                input: DomainInput.renewal, before: find(model), answer: .json(DomainPresenter.domain)
            ) { request, input in
                let domain = try model.renewDomain(request.parameter("domain_id"), years: input[DomainInput.years] ?? 1, in: request.context)
                return (domain, request.context.now)
            },
        ]
    }

    /// An unknown domain is a 404 before the body is judged, as in DRF's `get_object()`.
    private static func find(_ model: VPSOrgModel) -> @Sendable (APIRequest) throws -> Void {
        { request in _ = try model.domain(request.parameter("domain_id"), in: request.context) }
    }

    /// What a registered domain's uuid is used for.
    private static let links = [
        ("GetDomain", ""), ("UpdateNameservers", "/update_nameservers"), ("RenewDomain", "/renew"),
    ].map { name, action in
        AnswerLink(
            name, action.isEmpty ? HTTPMethod.GET : .POST, VPSOrgAPI.prefix + base + "/{domain_id}" + action,
            [("domain_id", "$response.body#/uuid")])
    }
}
