import APIKit
import Reseller
import StructuredData

/// Dedicated servers and market offers as the reseller API shows them, in the documents' key
/// order (which differs between the market's `configuration` and a server's).
enum DedicatedPresenter {
    /// Integral amounts as JSON integers (`39`), others as decimals, as the documents print prices.
    static func price(_ value: Double) -> JSONValue {
        value.rounded() == value && abs(value) < 1e15 ? .int(Int64(value)) : .double(value)
    }

    static let priceSchema = Schema.number(minimum: 0).described("Monthly price in EUR")

    static let location = Presenter<DedicatedLocation>.object(
        "DedicatedLocation", [.int("id", .id) { $0.id }, .string("name") { $0.name }])

    // MARK: Market

    static let offerConfiguration = Presenter<DedicatedOffer.Configuration>.object(
        "DedicatedOfferConfiguration",
        [
            .nested("cpu", .object([.string("type") { $0.type }, .string("count") { $0.count }])) { $0.cpu },
            .nested("ram", .object([.string("type") { $0.type }, .string("size") { $0.size }])) { $0.ram },
            .nested(
                "storage", .object([.string("type") { $0.type }, .string("count") { $0.count }, .string("size") { $0.size }])
            ) { $0.storage },
            PresentedProperty("price", priceSchema) { price($0.price) },
            .nested("location", location) { $0.location },
        ])

    static let offer = Presenter<DedicatedOffer>.object(
        "DedicatedOffer",
        [
            .int("id", .id) { $0.id },
            .string("model") { $0.model },
            PresentedProperty("description", Schema.text.orNull) { $0.description.map { .string($0) } ?? .null },
            .nested("configuration", offerConfiguration) { $0.configuration },
        ])

    // MARK: Servers

    /// An entry of `GET /datacenter/dedicated`.
    static let summary = Presenter<DedicatedServer>.object(
        "DedicatedServerSummary", [.int("id", .id) { $0.id }, .bool("orderComplete") { $0.orderComplete }])

    static let status = Presenter<DedicatedServerStatus>.object(
        "DedicatedServerStatus",
        [
            .int("orderId", .id) { $0.orderId },
            PresentedProperty("traffic", .integer(minimum: 0)) { .int($0.traffic) },
            PresentedProperty("netin", .integer(minimum: 0)) { .int($0.bytesIn) },
            PresentedProperty("netout", .integer(minimum: 0)) { .int($0.bytesOut) },
            PresentedProperty("uptime", .integer(minimum: 0)) { .int($0.uptimeSeconds) },
            .string("state", .choice(["running", "halted"])) { $0.online ? "running" : "halted" },
            .string("status", .choice(["online", "offline"])) { $0.online ? "online" : "offline" },
        ])

    static let ssh = Presenter<DedicatedCredentials>.object(
        "DedicatedSSH",
        [
            .nested("root", .object([.string("password") { $0 }])) { $0.rootPassword },
            .nested(
                "user", .object([.string("username", .constant(.string(DedicatedCredentials.username))) { _ in DedicatedCredentials.username }, .string("password") { $0 }])
            ) { $0.userPassword },
        ])

    static let hardware = Presenter<DedicatedHardware>.object(
        "DedicatedHardware",
        [
            .nested("cpu", .object([.string("type") { $0.cpuType }, .string("count") { $0.cpuCount }])) { $0 },
            .nested("ram", .object([.string("size") { $0.ramSize }, .string("type") { $0.ramType }])) { $0 },
            PresentedProperty("price", priceSchema) { price($0.price) },
            .nested(
                "storage",
                .object([.string("size") { $0.storageSize }, .string("type") { $0.storageType }, .string("count") { $0.storageCount }])
            ) { $0 },
            .nested("location", location) { $0.location },
        ])

    static let config = Presenter<DedicatedServer>.object(
        "DedicatedServerConfig",
        [
            .nested("ssh", ssh) { $0.credentials },
            PresentedProperty("ips", .array(.ipv4)) { .array($0.ips.map { .string($0) }) },
            .string("template") { $0.template },
            .nested("configuration", hardware) { $0.hardware },
        ])

    static let installation = Presenter<DedicatedInstallationState>.object(
        "DedicatedInstallation",
        [
            .nested("ssh", ssh) { $0.credentials },
            .bool("installation") { $0.installing },
            .string("template") { $0.template },
            .string("mac") { $0.mac },
        ])
}
