/// How a path names a server: by the documented integer `id`, or by the `uuid` that VPS.org's
/// own clients use. Both name the same server.
public enum ServerReference: Sendable, Equatable {
    case id(Int)
    case uuid(String)

    public init(_ text: String) {
        if let id = Int(text), id >= 0 { self = .id(id) } else { self = .uuid(text.lowercased()) }
    }
}
