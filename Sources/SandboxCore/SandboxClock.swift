/// A tenant's clock. `realtime` runs with real time, multiplied by `scale`; `manual` stands
/// still until a test advances it. Stored as an anchor pair: at real instant `anchorReal`
/// the sandbox time was `anchorSandbox`; from that, any later reading follows.
public struct SandboxClock: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable {
        case realtime, manual
    }

    public var mode: Mode
    public var scale: Double
    public var anchorSandbox: Int64
    public var anchorReal: Int64

    public init(mode: Mode, scale: Double, anchorSandbox: Int64, anchorReal: Int64) {
        self.mode = mode
        self.scale = scale
        self.anchorSandbox = anchorSandbox
        self.anchorReal = anchorReal
    }

    /// The times a clock may show: the Unix epoch to the end of year 9999. Keeps every sum
    /// of a time and a duration far from Int64 overflow.
    public static let representable: ClosedRange<Int64> = 0...253_402_300_799_999

    /// Sandbox time at real instant `real`.
    public func now(real: Int64) -> Int64 {
        switch mode {
        case .manual: return anchorSandbox
        case .realtime:
            let elapsed = (Double(real - anchorReal) * scale).rounded(.down)
            return min(Self.representable.upperBound, anchorSandbox + Int64(max(0, min(elapsed, 1e17))))
        }
    }

    /// Re-anchors at `real` so a change of mode or scale never makes time jump.
    public func reanchored(real: Int64, mode: Mode? = nil, scale: Double? = nil) -> SandboxClock {
        SandboxClock(mode: mode ?? self.mode, scale: scale ?? self.scale, anchorSandbox: now(real: real), anchorReal: real)
    }

    public func set(to sandbox: Int64, real: Int64) -> SandboxClock {
        SandboxClock(mode: mode, scale: scale, anchorSandbox: sandbox, anchorReal: real)
    }
}
