import APIKit

/// `GET /api/v1/plans/` reads its page only.
enum PlanInput {
    static let list = PageInput.declaration
}
