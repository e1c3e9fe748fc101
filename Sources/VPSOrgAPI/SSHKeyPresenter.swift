import APIKit
import SandboxCore
import StructuredData
import VPSOrg

/// An SSH key as the clients' `format_ssh_key` reads it, and as a server's detail lists the
/// keys it was created with.
enum SSHKeyPresenter {
    static let fingerprint = Schema.string(pattern: "^SHA256:[A-Za-z0-9+/]{43}$").described("As `ssh-keygen -lf` prints it")

    static let item = Presenter<SSHKey>.object(
        "VPSOrgSSHKey",
        [
            .string("uuid", .string(format: "uuid")) { $0.uuid }, .string("name") { $0.name },
            .string("fingerprint", fingerprint) { $0.fingerprint }, .string("public_key") { $0.publicKey },
            .string("created_at", .dateTime) { Timestamp.iso8601($0.createdAt) },
            PresentedProperty("last_used_at", Schema.dateTime.orNull) { $0.lastUsedAt.map { .string(Timestamp.iso8601($0)) } ?? .null },
        ])

    static let page = PagePresenter.page("VPSOrgSSHKeyPage", item)

    static let installed = Presenter<InstalledSSHKey>.object(
        "VPSOrgInstalledSSHKey",
        [
            .string("uuid", .string(format: "uuid")) { $0.uuid }, .string("name") { $0.name },
            .string("fingerprint", fingerprint) { $0.fingerprint },
        ])
}
