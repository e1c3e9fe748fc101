import APIKit
import Reseller

/// A VM's backups: the latest one's status and the finished ones' timestamps.
enum BackupPresenter {
    static let status = Presenter<BackupStatus>.object(
        "BackupStatus",
        [
            .string("status", .choice(BackupStatus.Phase.allCases.map(\.rawValue))) { $0.phase.rawValue },
            .int("progress", .integer(minimum: 0, maximum: 100)) { $0.progress },
        ])

    /// Unix timestamps, newest first.
    static let stamps = Presenter<Int64>.integer.list
}
