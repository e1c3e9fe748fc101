/// Address syntax: a scenario's VM addresses, the `ip` of reverse DNS.
public enum IPAddress {
    public static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy(\.isASCII) && UInt8(part) != nil
                && !(part.count > 1 && part.first == "0")
        }
    }

    public static func isIPv6(_ text: String) -> Bool {
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        let compressed = text.ranges(of: "::").count
        return text.contains(":") && compressed <= 1 && (3...8).contains(groups.count)
            && (compressed == 1 || groups.count == 8)
            && groups.allSatisfy { $0.count <= 4 && $0.allSatisfy { $0.isHexDigit } }
    }
}
