import APIKit
import Reseller

/// The ISO catalogue and the answer to an insert.
enum ISOPresenter {
    static let image = Presenter<ISOImage>.object("ISOImage", [.string("id") { $0.id }, .string("name") { $0.name }])

    /// The documents' shape: `rebooted` beside `result`.
    static let inserted = Presenter<Bool>.object([
        PresentedProperty("result", .constant(true)) { _ in true },
        .bool("rebooted") { $0 },
    ])
}
