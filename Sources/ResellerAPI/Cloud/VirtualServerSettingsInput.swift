import APIKit
import SandboxCore
import StructuredData

/// The fields of delete, password reset, reverse DNS and the outgoing-mail rule of a VM.
public enum VirtualServerSettingsInput {
    static let force = Field.boolean("force", .optional).documented("Force delete vm, even if running", example: true)

    /// The documents' "minimum 6 characters"; left out, a password is generated.
    static let password = Field.string("password", .optional, length: 6...128)
        .documented("Root password, at least 6 characters; left out: a generated one", example: "Secret-42")

    static let reverseDNSAddress = Field.string(
        "ip", format: "ipv4", rule: "ip must be one of the server's IPv4 addresses", accepts: IPAddress.isIPv4
    ).documented("IP to set RDNS for (IPv4 only)", example: "185.244.12.34")
    static let reverseDNSName = Field.string(
        "hostname", length: 3...254, format: "hostname", rule: HostnameRule.fullyQualified.message("hostname"),
        accepts: HostnameRule.fullyQualified.accepts
    ).documented("RDNS FQDN", example: "mail.example.com")

    static let deny = Field.boolean("deny")
        .documented("true blocks the outgoing mail ports, false unblocks them", example: true)

    static let delete = InputDeclaration(.laravel, [AnyField(force)])
    static let passwordReset = InputDeclaration(.laravel, [AnyField(password)])
    static let reverseDNS = InputDeclaration(.laravel, [AnyField(reverseDNSAddress), AnyField(reverseDNSName)])
    static let outgoingMail = InputDeclaration(.laravel, [AnyField(deny)])

    /// A root password given as an object (a scenario's VM), read like the body of `password/reset`.
    public static func password(body: JSONObject) throws -> String? { try passwordReset.read(body: body)[password] }
}
