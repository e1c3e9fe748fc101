import APIKit
import Reseller
import SandboxCore
import StructuredData

/// The fields several dedicated endpoints share: the template to install and the hostname.
enum DedicatedInput {
    /// `template`: one of `GET /datacenter/dedicated/templates`; numbers are read as their text.
    static func template(_ catalog: DedicatedCatalog) -> Field<DedicatedTemplate> {
        let rule = "template must be one of GET /datacenter/dedicated/templates"
        return Field("template", schema: .choice(catalog.templateNames), kind: .choice, presence: .required, rule: rule) { value in
            guard let name = LenientValue.string(value) else { return .wrongType }
            return catalog.template(named: name).map { .value($0) } ?? .refused("\(rule); \"\(name)\" is not")
        }.documented("Template to install", example: "Debian Buster")
    }

    /// `hostname`: "Server Hostname", the dedicated hostname rule (no minimum length). The
    /// documents type it as an integer once, so a number is read as its text.
    static func hostname(_ presence: Presence) -> Field<String> {
        let rule = HostnameRule.dedicatedServer
        return Field.string("hostname", presence, length: rule.minimumLength...253, rule: rule.message("hostname"), accepts: rule.accepts)
            .documented("Server Hostname", example: "web1.example.com")
    }
}

/// `POST /datacenter/dedicated/order`: an offer of the market, its template and hostname.
/// Other fields (`ipCount`, which some clients copy from the BYOD order) are ignored. The
/// scenario loader reads its dedicated servers through the same declaration.
public struct DedicatedOrderInput: Sendable {
    let offer: Field<DedicatedOffer>
    let template: Field<DedicatedTemplate>
    let hostname = DedicatedInput.hostname(.required)

    public init(catalog: DedicatedCatalog) {
        let rule = "id must be the id of an offer on GET /datacenter/dedicated/market"
        offer = Field(
            "id", schema: .integerChoice(catalog.offers.map { Int64($0.id) }), kind: .integer, presence: .required, rule: rule
        ) { value in
            guard let id = LenientValue.int(value) else { return .refused("id must be an integer") }
            return catalog.offer(id).map { .value($0) } ?? .refused("\(rule); \(id) is not")
        }.documented("Server ID to order: the id of a market offer", example: 9)
        template = DedicatedInput.template(catalog)
    }

    var declaration: InputDeclaration {
        InputDeclaration(.laravel, [AnyField(offer), AnyField(template), AnyField(hostname)])
    }

    func order(_ input: InputValues) throws -> DedicatedMarket.Order {
        DedicatedMarket.Order(
            offer: try input.required(offer), template: try input.required(template), hostname: try input.required(hostname))
    }

    /// A server given as an object (a scenario's), read like the body of the order.
    public func order(body: JSONObject) throws -> DedicatedMarket.Order { try order(declaration.read(body: body)) }
}

/// `PUT /datacenter/dedicated/{sid}/reinstall`: a template, and optionally a new hostname.
struct DedicatedReinstallInput {
    let template: Field<DedicatedTemplate>
    let hostname = DedicatedInput.hostname(.optional)

    init(catalog: DedicatedCatalog) { template = DedicatedInput.template(catalog) }

    var declaration: InputDeclaration { InputDeclaration(.laravel, [AnyField(template), AnyField(hostname)]) }

    func order(_ input: InputValues) throws -> DedicatedInstallation.Reinstall {
        DedicatedInstallation.Reinstall(template: try input.required(template), hostname: input[hostname])
    }
}

/// `PUT /datacenter/dedicated/{sid}/rdns`: an IPv4 address of the server and its FQDN.
enum DedicatedReverseDNSInput {
    /// Whether the address is the server's own is the server's to say; an IPv6 address is
    /// refused here already.
    static let ip = Field.string("ip", format: "ipv4", rule: "ip must be one of this server's IPv4 addresses")
        .checked("ip must be an IPv4 address; reverse DNS is set for IPv4 only") { !$0.contains(":") }
        .documented("IP to set RDNS for (IPv4 only)", example: "92.246.85.200")

    static let hostname = Field.string(
        "hostname", rule: HostnameRule.fullyQualified.message("hostname"), accepts: HostnameRule.fullyQualified.accepts
    ).documented("RDNS FQDN", example: "mail.example.com")

    static let declaration = InputDeclaration(.laravel, [AnyField(ip), AnyField(hostname)])

    static func order(_ input: InputValues) throws -> DedicatedServers.ReverseDNS {
        DedicatedServers.ReverseDNS(ip: try input.required(ip), hostname: try input.required(hostname))
    }
}
