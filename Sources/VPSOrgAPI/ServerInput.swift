import APIKit
import SandboxCore
import StructuredData
import VPSOrg

/// The server endpoints' inputs, read as Django REST Framework reads them: every invalid
/// field reported at once, DRF's own type and presence messages, text trimmed.
public enum ServerInput {
    /// The document's rule for names: letters, digits and hyphens.
    static let name = Field<String>.string(
        "name", length: 1...63, pattern: "^[A-Za-z0-9-]+$", trimmed: true,
        rule: "name must be 1 to 63 characters: letters, digits and hyphens",
        accepts: { $0.utf8.allSatisfy { byte in isAlphanumeric(byte) || byte == UInt8(ascii: "-") } }
    ).documented("The server's name", example: "web-server-02")

    static let hostname = Field<String>.string(
        "hostname", .optional, length: 1...253, format: "hostname", trimmed: true,
        rule: HostnameRule.fullyQualified.message("hostname"), accepts: HostnameRule.fullyQualified.accepts
    ).documented("Fully qualified domain name", example: "web02.example.com")

    static let backupsEnabled = Field<Bool>.boolean("backups_enabled", .optional).documented("Daily backups", example: true)

    /// `POST /api/v1/servers/`: the catalogue's plans, images and locations are the allowed values.
    public struct Order: Sendable {
        public let declaration: InputDeclaration
        private let plan: Field<Plan>
        private let system: Field<OperatingSystem>
        private let location: Field<String>
        private let sshKey: Field<Int>

        public init(_ catalog: VPSOrgCatalog) {
            let plans = catalog.plans.map(\.id)
            let systems = catalog.operatingSystems.map(\.id)
            let codes = catalog.locations.map(\.code)
            plan = Field<Int>.integer(
                "plan_id", among: plans, rule: "plan_id must be one of the plans \(plans.map(String.init).joined(separator: ", "))"
            ).map { catalog.plan($0) }.documented("ID of the VPS plan", example: 1)
            system = Field<Int>.integer(
                "os_id", among: systems,
                rule: "os_id must be one of the operating systems \(systems.map(String.init).joined(separator: ", "))"
            ).map { catalog.operatingSystem($0) }.documented("ID of the operating system", example: 5)
            location = Field<String>.string(
                "location", trimmed: true, rule: "location must be one of \(codes.joined(separator: ", "))",
                accepts: { codes.contains($0) }
            ).documented("Location code", example: "us-west")
            sshKey = Field<Int>.integer("ssh_key_id", 1...Int(Int32.max), .optional, rule: "ssh_key_id must be a positive integer")
                .documented("ID of an SSH key to install", example: 42)
            declaration = InputDeclaration(
                .django,
                [
                    AnyField(ServerInput.name), AnyField(plan), AnyField(system), AnyField(location), AnyField(ServerInput.hostname),
                    AnyField(sshKey), AnyField(ServerInput.backupsEnabled),
                ])
        }

        /// The order the declaration's values describe.
        public func order(_ input: InputValues) throws -> ServerOrder {
            ServerOrder(
                name: try input.required(ServerInput.name), plan: try input.required(plan),
                operatingSystem: try input.required(system), location: try input.required(location),
                hostname: input[ServerInput.hostname], sshKeyId: input[sshKey],
                backupsEnabled: input[ServerInput.backupsEnabled] ?? false)
        }
    }

    /// `PUT` sends all three fields; `PATCH` any of them, each then valid if sent.
    static func changes(complete: Bool) -> InputDeclaration {
        let presence: Presence = complete ? .required : .partial
        return InputDeclaration(
            .django,
            [AnyField(name.presence(presence)), AnyField(hostname.presence(presence)), AnyField(backupsEnabled.presence(presence))])
    }

    static func changes(_ input: InputValues) -> ServerChanges {
        ServerChanges(name: input[name], hostname: input[hostname], backupsEnabled: input[backupsEnabled])
    }

    /// The list's filters and DRF's page parameters.
    static let status = Field<ServerStatus>(
        "status", in: .query, schema: .choice(ServerStatus.filterValues), kind: .choice, presence: .optional,
        rule: "status must be one of \(ServerStatus.filterValues.joined(separator: ", "))"
    ) { value in
        guard let text = LenientValue.string(value) else { return .wrongType }
        return ServerStatus(filterValue: text).map { .value($0) }
            ?? .refused("Select a valid choice. \(text) is not one of the available choices.")
    }
    static let locationFilter = Field<String>.string("location", .optional).inQuery
    static let list = InputDeclaration(
        .django, [AnyField(status), AnyField(locationFilter), AnyField(PageInput.page), AnyField(PageInput.pageSize)])

    static func filter(_ input: InputValues) -> ServerFilter {
        ServerFilter(status: input[status], location: input[locationFilter])
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }
}
