import APIKit
import Reseller
import SandboxCore

/// The software catalogue and a VM's installed packages.
enum SoftwarePresenter {
    /// The documents show no item shape; the catalogue's own fields are listed.
    static let package = Presenter<SoftwarePackage>.object(
        "SoftwarePackage",
        [
            .string("package") { $0.package }, .string("name") { $0.name }, .string("version") { $0.version },
            .string("description") { $0.description },
        ])

    static let installed = Presenter<InstalledSoftware>.object(
        "InstalledSoftware",
        [
            .int("id", .id) { $0.id },
            .string("status", .choice(InstalledSoftware.Status.allCases.map(\.rawValue))) { $0.status.rawValue },
            .string("package") { $0.package },
            .string("version") { $0.version },
            PresentedProperty("output", Schema.text.orNull) { .string($0.output) },
            .string("ip") { $0.ip },
            .string("created_at", .dateTime) { Timestamp.laravel($0.createdAt) },
        ])
}
