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

extension Array where Element == UInt8 {
    /// Appends `value` in ASCII decimal digits, `-` first below zero, written in place last
    /// digit first: no `String` per number. The one integer writer, for JSON numbers, status
    /// lines, Content-Length and the access log.
    @inlinable
    public mutating func appendDecimal(_ value: Int64) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var index = count
        repeat {
            index -= 1
            self[index] += UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }
}
