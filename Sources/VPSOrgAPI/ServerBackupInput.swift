import APIKit
import StructuredData

/// `POST /servers/{id}/snapshot/ {label?}`; the backup takes no body at all.
enum ServerBackupInput {
    static let label = Field<String>.string(
        "label", .optional, length: 1...100, trimmed: true, rule: "Ensure this field has no more than 100 characters."
    ).documented("A label for the snapshot", example: "before-upgrade")

    static let snapshot = InputDeclaration(.django, [AnyField(label)])

    static let list = PageInput.declaration
}
