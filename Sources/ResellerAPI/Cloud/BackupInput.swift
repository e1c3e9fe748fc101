import APIKit

/// The one field of backup restore and delete.
enum BackupInput {
    /// Below 10^15, where JSON numbers written as floats are still read exactly.
    static let backup = Field.integer(
        "backup", 0...999_999_999_999, rule: "backup must be a backup's unix timestamp from GET .../backups/list"
    ).documented("Backup (its unix timestamp from GET .../backups/list)", example: 1_606_685_300)

    static let declaration = InputDeclaration(.laravel, [AnyField(backup)])
}
