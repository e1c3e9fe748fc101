import HTTP1

/// The sandbox's icon, a 16×16 ICO built from a text picture when first served: a blue
/// tile holding two white server units with green lights. Served at `/favicon.ico`, where
/// browsers look by default (and where the dashboard points), so no 404 lands in the journal.
enum Favicon {
    static let rootPath = "/favicon.ico"

    private static let picture = [
        "..bbbbbbbbbbbb..", ".bbbbbbbbbbbbbb.", "bbbbbbbbbbbbbbbb", "bbwwwwwwwwwwwwbb",
        "bbwggwwwwwwwwwbb", "bbwwwwwwwwwwwwbb", "bbbbbbbbbbbbbbbb", "bbbbbbbbbbbbbbbb",
        "bbwwwwwwwwwwwwbb", "bbwggwwwwwwwwwbb", "bbwwwwwwwwwwwwbb", "bbbbbbbbbbbbbbbb",
        "bbbbbbbbbbbbbbbb", "bbbbbbbbbbbbbbbb", ".bbbbbbbbbbbbbb.", "..bbbbbbbbbbbb..",
    ]

    /// Blue, green, red, alpha of each letter of the picture.
    private static let colours: [Character: [UInt8]] = [
        ".": [0, 0, 0, 0], "b": [0xEB, 0x63, 0x25, 0xFF], "w": [0xFF, 0xFF, 0xFF, 0xFF], "g": [0x5E, 0xC5, 0x22, 0xFF],
    ]

    static let bytes: [UInt8] = {
        let size = 16
        let pixels = picture.reversed().flatMap { row in row.flatMap { colours[$0]! } }  // bitmaps run bottom-up
        // The AND mask (1 = transparent), one bit a pixel, rows padded to 4 bytes.
        let mask = picture.reversed().flatMap { row -> [UInt8] in
            let bits = row.map { $0 == "." }
            let packed = stride(from: 0, to: size, by: 8).map { start in
                (0..<8).reduce(UInt8(0)) { byte, offset in bits[start + offset] ? byte | (0x80 >> UInt8(offset)) : byte }
            }
            return packed + [0, 0]
        }
        let image = le32(40) + le32(size) + le32(size * 2) + le16(1) + le16(32) + le32(0) + le32(pixels.count + mask.count)
            + le32(0) + le32(0) + le32(0) + le32(0) + pixels + mask
        let directory = le16(0) + le16(1) + le16(1)
        let entry = [UInt8(size), UInt8(size), 0, 0] + le16(1) + le16(32) + le32(image.count) + le32(6 + 16)
        return directory + entry + image
    }()

    private static var response: HTTPResponse {
        var response = HTTPResponse(status: .ok, body: bytes)
        response.headers.add("Content-Type", "image/x-icon")
        response.headers.add("Cache-Control", "max-age=86400")
        return response
    }

    /// The icon for `GET /favicon.ico`, which lies outside every API; nil for anything else.
    static func answer(_ request: HTTPRequest) -> HTTPResponse? {
        guard request.path == rootPath, request.method == .GET || request.method == .HEAD else { return nil }
        return response
    }

    private static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
    private static func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16((value >> 16) & 0xFFFF) }
}
