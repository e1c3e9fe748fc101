/// The states of a VPS.org server. `starting`, `stopping` and `rebooting` last seconds on
/// the tenant's clock; `provisioning` and `resizing` (the clients' resize action) minutes.
public enum ServerStatus: String, Sendable, CaseIterable {
    case provisioning, active, starting, stopping, stopped, rebooting, suspended, resizing

    /// A `status` filter value: the English states, and the German words the document
    /// lists for the filter (aktiv, gestoppt, angehalten).
    public init?(filterValue: String) {
        let value = filterValue.lowercased()
        switch value {
        case "aktiv": self = .active
        case "gestoppt": self = .stopped
        case "angehalten": self = .suspended
        default: self.init(rawValue: value)
        }
    }

    /// Every value `init(filterValue:)` accepts, for the API's documentation.
    public static let filterValues = allCases.map(\.rawValue) + ["aktiv", "gestoppt", "angehalten"]

    /// Whether the machine is powered on (for metrics).
    var isPoweredOn: Bool { [.active, .starting, .stopping, .rebooting].contains(self) }
}
