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
    /// Appends `value` in ASCII decimal digits, `-` first below zero: written last digit
    /// first into 20 bytes on the stack (Int64.min's 19 digits and its sign), then appended
    /// at once. No `String` per number, and no uniqueness check per digit, which writing the
    /// digits into the array itself paid. The one integer writer, for JSON numbers, status
    /// lines, Content-Length and the access log.
    @inlinable
    public mutating func appendDecimal(_ value: Int64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0")
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
