import APIKit
import Reseller
import SandboxCore

/// Network incidents as the documents show them: MySQL times, `ongoing` as 0 or 1, and the
/// list under `response` beside `"error": false` instead of `result`.
public enum IncidentPresenter {
    public static let incident = Presenter<ServerIncident>.object(
        "Incident",
        [
            .int("gid") { $0.gid },
            .string("start", .string(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$")) { Timestamp.mysql($0.start) },
            .string("stop", .string(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$")) { Timestamp.mysql($0.stop) },
            .string("host") { $0.host },
            .int("direction", .integerChoice([1, 2]).described("1: towards the VM, 2: from it")) { $0.direction },
            PresentedProperty("impact", .integer(minimum: 0)) { .int($0.impact) },
            PresentedProperty("types", .array(.text)) { .array($0.types.map { .string($0) }) },
            .int("ongoing", .integerChoice([0, 1])) { $0.ongoing ? 1 : 0 },
        ])

    static let list = Presenter<[ServerIncident]>.object([
        .nested("response", incident.list) { $0 },
        PresentedProperty("error", .constant(false)) { _ in false },
    ])
}
