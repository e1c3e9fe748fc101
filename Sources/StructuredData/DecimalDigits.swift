extension Collection where Element == UInt8 {
    /// The value of ASCII decimal digits, optionally after one `-`: nil when there are no
    /// digits, anything else, or a value outside Int64. Overflow is reported, never trapped,
    /// so a 40-digit JSON number or Content-Length is simply "too large".
    @inlinable
    public var decimalValue: Int64? {
        var rest = self[...]
        let negative = rest.first == UInt8(ascii: "-")
        if negative { rest = rest.dropFirst() }
        guard !rest.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in rest {
            guard byte >= 48 && byte <= 57 else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            // Accumulating negatively reaches Int64.min, which has no positive twin.
            let (next, overflowB) =
                negative
                ? shifted.subtractingReportingOverflow(Int64(byte - 48))
                : shifted.addingReportingOverflow(Int64(byte - 48))
            guard !overflowA && !overflowB else { return nil }
            value = next
        }
        return value
    }
}
