import StructuredData

/// What a dedicated server is made of, as `config` shows it under `configuration`.
/// Counts and sizes are strings, as in the documents.
public struct DedicatedHardware: Sendable {
    /// Where BYOD servers are assembled (the documents name no location for them).
    static let buildLocation = DedicatedLocation(id: 2, name: "Maincubes, Frankfurt")

    public var cpuType: String
    public var cpuCount: String
    public var ramSize: String
    public var ramType: String
    public var price: Double
    public var storageSize: String
    public var storageType: String
    public var storageCount: String
    public var location: DedicatedLocation

    /// How the `hardware` column stores it (the shape of `config`'s `configuration`).
    var stored: JSONValue {
        [
            "cpu": ["type": .string(cpuType), "count": .string(cpuCount)],
            "ram": ["size": .string(ramSize), "type": .string(ramType)],
            // Integral prices as integers, as they always have been stored.
            "price": price.rounded() == price && abs(price) < 1e15 ? .int(Int64(price)) : .double(price),
            "storage": ["size": .string(storageSize), "type": .string(storageType), "count": .string(storageCount)],
            "location": ["id": .int(location.id), "name": .string(location.name)],
        ]
    }

    /// The stored shape read back; nil if a member is missing or of another type.
    init?(stored value: JSONValue) {
        func text(_ group: String, _ key: String) -> String? { value[group]?[key]?.stringValue }
        guard let cpuType = text("cpu", "type"), let cpuCount = text("cpu", "count"), let ramSize = text("ram", "size"),
            let ramType = text("ram", "type"), let price = value["price"]?.doubleValue,
            let storageSize = text("storage", "size"), let storageType = text("storage", "type"),
            let storageCount = text("storage", "count"), let locationId = value["location"]?["id"]?.intValue,
            let locationName = text("location", "name")
        else { return nil }
        self.init(
            cpuType: cpuType, cpuCount: cpuCount, ramSize: ramSize, ramType: ramType, price: price, storageSize: storageSize,
            storageType: storageType, storageCount: storageCount, location: DedicatedLocation(id: Int(locationId), name: locationName))
    }

    /// The server a BYOD order builds: one of each chosen part. With both an SSD and an HDD,
    /// `storage` describes the SSD (the system disk), since the shape has room for one kind.
    init(cpu: DedicatedPart, ram: DedicatedPart, ssd: DedicatedPart?, hdd: DedicatedPart?) {
        let ramParts = Self.sizeAndRest(ram.name)
        cpuType = cpu.name
        cpuCount = "1"
        ramSize = ramParts.size ?? ram.name
        ramType = ramParts.rest
        price = [cpu, ram, ssd, hdd].compactMap { $0?.price }.reduce(0, +)
        if let disk = ssd ?? hdd {
            storageSize = Self.sizeAndRest(disk.name).size ?? "0"
            storageType = ssd == nil ? "HDD" : (disk.name.contains("NVMe") ? "NVMe" : "SSD")
            storageCount = "1"
        } else {
            storageSize = "0"
            storageType = "none"
            storageCount = "0"
        }
        location = Self.buildLocation
    }

    init(
        cpuType: String, cpuCount: String, ramSize: String, ramType: String, price: Double, storageSize: String,
        storageType: String, storageCount: String, location: DedicatedLocation
    ) {
        self.cpuType = cpuType
        self.cpuCount = cpuCount
        self.ramSize = ramSize
        self.ramType = ramType
        self.price = price
        self.storageSize = storageSize
        self.storageType = storageType
        self.storageCount = storageCount
        self.location = location
    }

    /// `"16 GB DDR3 ECC"` -> ("16", "DDR3 ECC"); `"Seagate Exos 4 TB HDD"` -> ("4000", ...);
    /// `"Crucial BX500 240GB"` -> ("240", ...). Sizes in GB, as the documents give them.
    static func sizeAndRest(_ name: String) -> (size: String?, rest: String) {
        let words = name.split(separator: " ").map(String.init)
        for (index, word) in words.enumerated() {
            let upper = word.uppercased()
            let unit: String
            let digits: Substring
            let consumed: Int
            if word.count > 2, upper.hasSuffix("GB") || upper.hasSuffix("TB") {
                (unit, digits, consumed) = (String(upper.suffix(2)), word.dropLast(2), 1)
            } else if index + 1 < words.count, ["GB", "TB"].contains(words[index + 1].uppercased()) {
                (unit, digits, consumed) = (words[index + 1].uppercased(), Substring(word), 2)
            } else {
                continue
            }
            guard let value = Double(digits) else { continue }
            let gigabytes = unit == "TB" ? (value * 1000).rounded() : value
            let size = gigabytes.rounded() == gigabytes ? String(Int(gigabytes)) : String(gigabytes)
            let rest = (words[..<index] + words[(index + consumed)...]).joined(separator: " ")
            return (size, rest)
        }
        return (nil, name)
    }
}
