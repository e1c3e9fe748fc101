import APIKit
import HTTP1
import SandboxCore
import StructuredData
import VPSOrg

/// `POST /api/v1/servers/` as VPS.org's own clients send it (`vps_mcp/server.py`'s
/// `create_server`): `{hostname, location: <location id>, plan: <plan uuid>,
/// os_version: <OS version uuid>, ssh_keys: [<key uuid>]}`, refused in DRF's words.
extension ServerInput {
    /// The clients' hostname is any hostname ("my-server"), not only a fully qualified one.
    static let anyHostname = Field<String>.string(
        "hostname", length: 1...253, format: "hostname", trimmed: true,
        rule: HostnameRule.dedicatedServer.message("hostname"), accepts: HostnameRule.dedicatedServer.accepts
    ).documented("The server's hostname; its first label names the server unless `name` is sent", example: "my-server")

    public struct ClientOrder: Sendable {
        public let declaration: InputDeclaration
        let location: Field<DatacenterLocation>
        let plan: Field<Plan>
        let system: Field<OperatingSystem>
        /// The keys' uuids, checked for form here; whether the tenant has them, in `order`.
        static let sshKeys = Field<[String]>(
            "ssh_keys", schema: .array(.string(format: "uuid")), kind: .array, presence: .optional,
            rule: "ssh_keys must be a list of SSH key uuids from GET /api/v1/ssh-keys/"
        ) { value in
            guard case .array(let items) = value else {
                return .refused("Expected a list of items but got type \"\(RelatedField.pythonType(value))\".")
            }
            var uuids: [String] = []
            for item in items {
                guard case .string(let text) = item else { return .refused(RelatedField.incorrectType(item)) }
                switch RelatedField.read(text, find: { $0 }) {
                case .value(let uuid): uuids.append(uuid)
                case .refused(let message): return .refused(message)
                case .wrongType: return .wrongType
                }
            }
            return .value(uuids)
        }.documented("SSH keys to install (GET /api/v1/ssh-keys/)")

        public init(_ catalog: VPSOrgCatalog) {
            let active = catalog.locations.filter(\.isActive)
            location = RelatedField.integer(
                "location", schema: .integerChoice(active.map { Int64($0.id) }),
                rule: "location must be the id of an active location from GET /api/v1/locations/",
                find: { id in active.first { $0.id == id } }, alternative: { code in active.first { $0.code == code } }
            ).documented("Location id (GET /api/v1/locations/); a location code is read too", example: 1)
            plan = RelatedField.uuid("plan", rule: "plan must be the uuid of a plan from GET /api/v1/plans/") {
                catalog.plan(uuid: $0)
            }.documented("Plan uuid (GET /api/v1/plans/)", example: .string(catalog.plans[0].uuid))
            system = RelatedField.uuid(
                "os_version", rule: "os_version must be the uuid of an OS version from GET /api/v1/operating-systems/"
            ) { catalog.operatingSystem(versionUUID: $0) }
                .documented("OS version uuid (GET /api/v1/operating-systems/)", example: .string(catalog.operatingSystems[0].uuid))
            declaration = InputDeclaration(
                .django,
                [
                    AnyField(ServerInput.anyHostname), AnyField(location), AnyField(plan), AnyField(system),
                    AnyField(ServerInput.name.presence(.optional)), AnyField(ServerInput.backupsEnabled),
                    AnyField(Self.sshKeys),
                ])
        }

        /// The order of a body in the clients' dialect: every invalid field named at once, the
        /// SSH keys looked up in the tenant's account (`findKey`) as DRF's related field does.
        public func order(_ body: JSONObject, findKey: (String) throws -> SSHKey?) throws -> ServerOrder {
            var errors = FieldErrors()
            let input = try errors.reading { try declaration.read(body: body) }
            var keys: [SSHKey] = []
            // Only keys of the right form (the declaration named the others); the first unknown
            // is named, as DRF's ManyRelatedField stops at it.
            for text in body["ssh_keys"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                guard let uuid = RelatedField.canonicalUUID(text) else { break }
                guard let key = try findKey(uuid) else {
                    errors.add("ssh_keys", RelatedField.doesNotExist(text))
                    break
                }
                keys.append(key)
            }
            try errors.throwIfAny()
            guard let input else { throw DomainError(.invalidInput, "Invalid input.") }
            return try order(input, keys: keys)
        }

        func order(_ input: InputValues, keys: [SSHKey]) throws -> ServerOrder {
            let hostname = try input.required(ServerInput.anyHostname)
            let name = input[ServerInput.name] ?? String(hostname.split(separator: ".").first ?? Substring(hostname))
            return ServerOrder(
                name: name, plan: try input.required(plan), operatingSystem: try input.required(system),
                location: try input.required(location).code, hostname: hostname, sshKeyId: nil,
                backupsEnabled: input[ServerInput.backupsEnabled] ?? false, sshKeys: keys)
        }
    }

    /// Both bodies of `POST /api/v1/servers/`: a body is the clients' when it sends one of their
    /// keys (`plan`, `os_version`, `ssh_keys`) and neither `plan_id` nor `os_id`; any other body
    /// is read as the document's, so the document's refusals stay as they were.
    public struct Creation: Sendable {
        public let documented: Order
        public let clients: ClientOrder
        /// Both bodies in one declaration, for the OpenAPI document: each of the pairs
        /// name/hostname, plan_id/plan and os_id/os_version must have one member sent.
        public let declaration: InputDeclaration

        public init(_ catalog: VPSOrgCatalog) {
            documented = Order(catalog)
            clients = ClientOrder(catalog)
            let codes = catalog.locations.map(\.code)
            let location = Field<String>(
                "location", schema: .oneOf([.choice(codes), .integerChoice(catalog.locations.map { Int64($0.id) })]),
                kind: .any, presence: .required,
                rule: "location: a location code in the document's body, a location id in the clients' body"
            ) { value in LenientValue.string(value).map { .value($0) } ?? .wrongType }
                .documented("Location code (document) or id (clients)", example: "us-west")
            declaration = InputDeclaration(
                .django,
                [
                    AnyField(ServerInput.name.presence(.optional)), AnyField(documented.plan.presence(.optional)),
                    AnyField(documented.system.presence(.optional)), AnyField(location),
                    AnyField(ServerInput.anyHostname.presence(.optional)), AnyField(documented.sshKey),
                    AnyField(ServerInput.backupsEnabled), AnyField(clients.plan.presence(.optional)),
                    AnyField(clients.system.presence(.optional)), AnyField(ClientOrder.sshKeys),
                ],
                alternatives: [
                    .init(["name", "hostname"], field: "name", message: "This field is required."),
                    .init(["plan_id", "plan"], field: "plan_id", message: "This field is required."),
                    .init(["os_id", "os_version"], field: "os_id", message: "This field is required."),
                ])
        }

        /// The order a request's body describes, read in the dialect it speaks.
        public func order(_ request: HTTPRequest, findKey: (String) throws -> SSHKey?) throws -> ServerOrder {
            guard let body = try? RequestBody.decode(request), Self.speaksClients(body) else {
                return try documented.order(documented.declaration.read(request))
            }
            return try clients.order(body, findKey: findKey)
        }

        static func speaksClients(_ body: JSONObject) -> Bool {
            body["plan_id"] == nil && body["os_id"] == nil
                && (body["plan"] != nil || body["os_version"] != nil || body["ssh_keys"] != nil)
        }
    }
}
