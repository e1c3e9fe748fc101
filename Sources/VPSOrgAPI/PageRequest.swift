import HTTP1
import SandboxCore

/// Django REST Framework's `PageNumberPagination` with `page_size` as a query parameter:
/// `page` is a number or `last`; a page past the end is 404 "Invalid page."; a `page_size`
/// that is not a positive integer falls back to the default; a larger one is capped.
struct PageRequest {
    static let defaultSize = 20
    static let maximumSize = 100

    let page: Int
    let size: Int
    let count: Int

    /// Resolves the asked `page` and `page_size` against `count` items.
    init(page asked: String?, size askedSize: String?, count: Int) throws {
        size = askedSize.flatMap { Int($0) }.flatMap { $0 > 0 ? min($0, Self.maximumSize) : nil } ?? Self.defaultSize
        let pages = max(1, (count + size - 1) / size)
        let asked = asked ?? "1"
        let number = asked == "last" ? pages : Int(asked)
        guard let number, (1...pages).contains(number) else { throw DomainError.notFound("Invalid page.") }
        page = number
        self.count = count
    }

    var offset: Int { (page - 1) * size }

    /// The page with absolute links built like DRF's: the request's URL with `page`
    /// replaced (or removed for the first page), keys sorted.
    func page<Item>(_ results: [Item], request: HTTPRequest) -> Page<Item> {
        Page(
            count: count, next: page * size < count ? link(request, page: page + 1) : nil,
            previous: page > 1 ? link(request, page: page - 1) : nil, results: results)
    }

    private func link(_ request: HTTPRequest, page: Int) -> String {
        var items = request.queryItems.filter { $0.name != "page" }
        if page > 1 { items.append((name: "page", value: String(page))) }
        items.sort { $0.name < $1.name }
        let scheme = request.headers["X-Forwarded-Proto"] ?? "http"
        let host = request.headers["Host"] ?? "localhost"
        let query = items.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }
            .joined(separator: "&")
        return "\(scheme)://\(host)\(request.path)" + (query.isEmpty ? "" : "?\(query)")
    }

    /// Python's `quote_plus`, as DRF's `urlencode` writes query values.
    private static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case 48...57, 65...90, 97...122, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "): out += "+"
            default: out += "%" + String(byte, radix: 16, uppercase: true).zeroPadded(to: 2)
            }
        }
        return out
    }
}

