import APIKit

/// `GET /api/v1/operating-systems/` reads its page only.
enum OperatingSystemInput {
    static let list = PageInput.declaration
}
