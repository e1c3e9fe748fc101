import APIKit
import Reseller
import StructuredData

/// BYOD parts and orders as the reseller API shows them.
enum ByodPresenter {
    static let part = Presenter<StockedPart>.object(
        "ByodPart",
        [
            .int("id", .id) { $0.part.id },
            .string("name") { $0.part.name },
            PresentedProperty("description", Schema.text.orNull) { $0.part.description.map { .string($0) } ?? .null },
            .int("count", .integer(minimum: 0)) { $0.count },
            PresentedProperty("price", DedicatedPresenter.priceSchema) { DedicatedPresenter.price($0.part.price) },
        ])

    /// `{"cpu": [...], "ram": [...], "hdd": [...], "ssd": [...]}`.
    static let stock = Presenter<ByodStock>.object(
        "ByodStock", DedicatedPart.Kind.allCases.map { kind in .nested(kind.rawValue, part.list) { $0.parts(of: kind) } })

    static let status = Presenter<ByodOrderStatus>.object(
        "ByodOrderStatus",
        [
            .int("id", .id) { $0.number },
            .string("status", .choice(ByodOrderStatus.State.allCases.map(\.rawValue))) { $0.state.rawValue },
            .int("progress", .integer(minimum: 0, maximum: 100)) { $0.progress },
            PresentedProperty("serverId", Schema.id.orNull) { $0.serverId.map { .int(Int64($0)) } ?? .null },
        ])
}
