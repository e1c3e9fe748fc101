import APIKit
import HTTP1
import Reseller

/// The sandbox's own noVNC stand-in under `/novnc`, where console URLs point. No Bearer
/// token: the ticket in the URL is the key, valid for 10 s of real time.
enum ConsolePageRoutes {
    static func routes(model: ResellerModel) -> [APIRoute] {
        [
            APIRoute(.GET, "/vnc.html", "noVNC console stand-in page", .memory { request, _ in
                guard let key = request.query("ticket"), let ticket = model.consoles.redeem(key) else {
                    return .html(page(title: "Console ticket invalid", body: expiredText), status: .forbidden)
                }
                return .html(page(
                    title: "Console of \(ticket.resourceLabel)",
                    body: "Sandbox stand-in for the noVNC console of \(ticket.resourceLabel). There is no real screen here."))
            })
        ]
    }

    /// The request's `Host` header, so URLs point back at this sandbox however it is reached.
    static func host(of request: HTTPRequest) -> String {
        let host = request.headers["Host"]?.filter { !$0.isWhitespace } ?? ""
        let safe = host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.:[]".contains($0)) }
        return host.isEmpty || !safe ? "localhost" : host
    }

    private static let expiredText =
        "This console ticket is unknown or has expired. Tickets are valid for 10 seconds; request a new console URL."

    private static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(title)</title></head>
        <body><h1>\(title)</h1><p>\(body)</p></body></html>
        """
    }
}
