/// The two text helpers every layer needs, in one place.
extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks. Searched as bytes (the blanks
    /// are ASCII): it runs on header values of every request, and `Character` iteration cost
    /// more than the rest of their parsing.
    public func trimmedWhitespace() -> SubSequence {
        let bytes = utf8
        var first: String.Index?
        var end = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let current = index
            let byte = bytes[current]
            index = bytes.index(after: current)
            guard byte != 0x20, byte != 0x09, byte != 0x0D, byte != 0x0A else { continue }
            if first == nil { first = current }
            end = index
        }
        guard let first else { return self[endIndex...] }
        return self[first..<end]
    }

    /// Left-padded with zeros to `length` characters: `"7"` -> `"07"`.
    public func zeroPadded(to length: Int) -> String {
        count >= length ? String(self) : String(repeating: "0", count: length - count) + self
    }
}
