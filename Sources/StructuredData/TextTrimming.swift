/// The two text helpers every layer needs, in one place.
extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks.
    public func trimmedWhitespace() -> SubSequence {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }

    /// Left-padded with zeros to `length` characters: `"7"` -> `"07"`.
    public func zeroPadded(to length: Int) -> String {
        count >= length ? String(self) : String(repeating: "0", count: length - count) + self
    }
}
