import APIKit

/// `GET /api/v1/locations/` reads its page only.
enum LocationInput {
    static let list = PageInput.declaration
}
