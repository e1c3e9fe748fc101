import APIKit

/// The answer of a deletion: `{"removed": n}`, how many fault rules or journal entries went.
enum RemovalPresenter {
    static let removed = Presenter<Int>.object([.int("removed", .integer(minimum: 0)) { $0 }])
}
