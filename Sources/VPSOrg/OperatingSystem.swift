/// An operating system image: what the documented `os_id` names, and the clients' OS version.
public struct OperatingSystem: Sendable {
    public let id: Int
    /// The documented name: the family's and the version's ("Ubuntu 22.04 LTS").
    public let name: String
    /// The clients' name for the version (`os_version` on create); empty in a server's copy.
    public let uuid: String

    public init(id: Int, name: String, uuid: String = "") {
        self.id = id
        self.name = name
        self.uuid = uuid
    }
}

/// An operating system as the clients list it: a family ("Ubuntu") with its versions.
public struct OperatingSystemFamily: Decodable, Sendable {
    public struct Version: Decodable, Sendable {
        public let id: Int
        public let uuid: String
        public let name: String
    }

    public let uuid: String
    public let name: String
    public let versions: [Version]

    /// The family's versions as images.
    public var images: [OperatingSystem] {
        versions.map { OperatingSystem(id: $0.id, name: "\(name) \($0.name)", uuid: $0.uuid) }
    }
}
