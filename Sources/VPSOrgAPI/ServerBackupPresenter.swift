import APIKit
import SandboxCore
import StructuredData
import VPSOrg

/// A backup or snapshot in `GET /servers/{id}/backups/` and `/snapshots/` (inferred, DRF style).
enum ServerBackupPresenter {
    static let item = Presenter<ServerBackup>.object(
        "VPSOrgServerBackup",
        [
            .string("uuid", .string(format: "uuid")) { $0.uuid },
            .string("type", .choice(ServerBackup.Kind.allCases.map(\.rawValue))) { $0.kind.rawValue },
            PresentedProperty("label", Schema.text.orNull) { $0.label.map { .string($0) } ?? .null },
            .string("status", .choice(ServerBackup.Status.allCases.map(\.rawValue))) { $0.status.rawValue },
            .int("size", .integer(minimum: 0).described("GB")) { $0.sizeGB },
            .string("server_uuid", .string(format: "uuid")) { $0.serverUUID },
            .string("created_at", .dateTime) { Timestamp.iso8601($0.createdAt) },
            PresentedProperty("completed_at", Schema.dateTime.orNull) { $0.completedAt.map { .string(Timestamp.iso8601($0)) } ?? .null },
        ])

    static let page = PagePresenter.page("VPSOrgServerBackupPage", item)
}
