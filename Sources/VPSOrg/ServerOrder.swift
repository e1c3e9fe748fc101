import SandboxCore

/// A validated `POST /api/v1/servers/`: every field checked, all problems reported at once.
public struct ServerOrder: Sendable {
    public let name: String
    public let plan: Plan
    public let operatingSystem: OperatingSystem
    public let location: String
    public let hostname: String?
    public let sshKeyId: Int?
    public let backupsEnabled: Bool

    public init(fields: InputFields, catalog: VPSOrgCatalog) throws {
        var errors = FieldErrors()
        let name = errors.text(
            "name", in: fields, .required, rule: NamingRules.isValidName, ruleMessage: NamingRules.nameMessage)
        var plan: Plan?
        if let id = errors.integer("plan_id", in: fields, .required) {
            plan = catalog.plan(id)
            if plan == nil {
                errors.add("plan_id", "plan_id must be one of the plans \(catalog.plans.map { String($0.id) }.joined(separator: ", "))")
            }
        }
        var system: OperatingSystem?
        if let id = errors.integer("os_id", in: fields, .required) {
            system = catalog.operatingSystem(id)
            if system == nil {
                errors.add(
                    "os_id",
                    "os_id must be one of the operating systems \(catalog.operatingSystems.map { String($0.id) }.joined(separator: ", "))")
            }
        }
        let codes = catalog.locations.map(\.code)
        let location = errors.text(
            "location", in: fields, .required, rule: { catalog.location($0) != nil },
            ruleMessage: "location must be one of \(codes.joined(separator: ", "))")
        let hostname = errors.text(
            "hostname", in: fields, .optional, rule: HostnameRule.fullyQualified.accepts,
            ruleMessage: HostnameRule.fullyQualified.message("hostname"))
        let sshKeyId = errors.integer("ssh_key_id", in: fields, .optional)
        if let sshKeyId, sshKeyId < 1 { errors.add("ssh_key_id", "ssh_key_id must be a positive integer") }
        let backups = errors.boolean("backups_enabled", in: fields, .optional)
        try errors.throwIfAny()
        guard let name, let plan, let system, let location else {
            throw DomainError.invalid("body", "the order is incomplete")
        }
        self.name = name
        self.plan = plan
        self.operatingSystem = system
        self.location = location
        self.hostname = hostname
        self.sshKeyId = sshKeyId
        self.backupsEnabled = backups ?? false
    }
}

/// A validated `PUT` (all three fields required) or `PATCH` (any subset) of a server.
public struct ServerChanges: Sendable {
    public let name: String?
    public let hostname: String?
    public let backupsEnabled: Bool?

    public init(fields: InputFields, complete: Bool) throws {
        var errors = FieldErrors()
        name = errors.text(
            "name", in: fields, complete ? .required : .partial, rule: NamingRules.isValidName, ruleMessage: NamingRules.nameMessage)
        hostname = errors.text(
            "hostname", in: fields, complete ? .required : .partial, rule: HostnameRule.fullyQualified.accepts,
            ruleMessage: HostnameRule.fullyQualified.message("hostname"))
        backupsEnabled = errors.boolean("backups_enabled", in: fields, complete ? .required : .partial)
        try errors.throwIfAny()
    }
}
