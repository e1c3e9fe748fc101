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
    /// Appends `value` in ASCII decimal digits, `-` first below zero: written into 20 bytes on
    /// the stack (Int64.min's 19 digits and its sign), then appended at once. No `String` per
    /// number, and no uniqueness check per digit, which writing the digits into the array
    /// itself paid. With `DecimalDigits.write`, the one integer writer, for JSON numbers,
    /// status lines, Content-Length and the access log.
    @inlinable
    public mutating func appendDecimal(_ value: Int64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: DecimalDigits.maximumCount) { digits in
            let count = DecimalDigits.write(value, to: digits.baseAddress!)
            append(contentsOf: UnsafeBufferPointer(start: digits.baseAddress!, count: count))
        }
    }
}

public enum DecimalDigits {
    /// Int64.min: 19 digits and its sign.
    public static let maximumCount = 20

    /// Writes `value` in ASCII decimal digits at `out` (room for `maximumCount` bytes needed),
    /// `-` first below zero; returns how many bytes it wrote.
    @inlinable
    public static func write(_ value: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = value.magnitude
        var count = value < 0 ? 2 : 1
        var rest = magnitude / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        if value < 0 { out[0] = UInt8(ascii: "-") }
        var index = count
        repeat {
            index -= 1
            out[index] = UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0")
            magnitude /= 10
        } while magnitude > 0
        return count
    }
}
