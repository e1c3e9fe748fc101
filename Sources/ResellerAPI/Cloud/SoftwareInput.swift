import APIKit
import Reseller
import StructuredData

/// The fields of `POST /software/install` and `/software/uninstall`. The server is named by
/// `sid`, `ip` or the documents' literal key `sid|ip` (either), at least one of them; that
/// they name the same server the model checks, since it depends on the tenant's servers.
public struct SoftwareInput: Sendable {
    /// Below 10^15, where JSON numbers written as floats are still read exactly.
    static let serverId = Field.integer(
        "sid", 1...999_999_999_999_999, .optional, rule: "sid must be a server ID (an integer)"
    ).documented("Server ID (a VM or a dedicated server)", example: 4001)
    static let address = Field.string("ip", .optional, length: 1...45, rule: "ip must be one of the server's IP addresses")
        .documented("IP address of the server (a VM or a dedicated server)", example: "185.244.12.34")
    static let serverIdOrAddress = Field.string(
        "sid|ip", .optional, length: 1...45, rule: "sid|ip must be a server ID or one of its IP addresses"
    ).documented("Server ID or IP", example: "4001")
    static let password = Field.string("password", length: 1...1_024, rule: "password must be the server's SSH root password")
        .documented("SSH root password for server", example: "Secret-42")
    static let port = Field.integer("port", 1...65_535, .optional).documented("SSH port for server", example: 22)

    static let server = InputDeclaration.Alternatives(
        ["sid", "ip", "sid|ip"], field: "sid|ip",
        message: "sid|ip is required: the server ID (sid) or one of its IP addresses (ip)")

    let package: Field<SoftwarePackage>

    public init(catalog: CloudCatalog) {
        let names = catalog.software.map(\.package)
        let packages = catalog.software
        package = Field.choice(
            "package", names, rule: "package must be one of GET /software/list (\(names.joined(separator: ", ")))"
        ).documented("Package", example: .string(names.first ?? "mc")).map { name in packages.first { $0.package == name } }
    }

    var declaration: InputDeclaration {
        InputDeclaration(.laravel, [
            AnyField(Self.serverId), AnyField(Self.address), AnyField(Self.serverIdOrAddress), AnyField(package),
            AnyField(Self.password), AnyField(Self.port),
        ], alternatives: [Self.server])
    }

    func order(_ input: InputValues) throws -> SoftwareOrder {
        SoftwareOrder(
            serverId: input[Self.serverId], address: input[Self.address], serverIdOrAddress: input[Self.serverIdOrAddress],
            package: try input.required(package), password: try input.required(Self.password), port: input[Self.port])
    }

    /// A package given as an object (a scenario's), read like the body of `POST /software/install`.
    public func order(body: JSONObject) throws -> SoftwareOrder { try order(declaration.read(body: body)) }
}
