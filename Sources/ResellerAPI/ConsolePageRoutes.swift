import APIKit
import HTTP1
import Reseller

/// The sandbox's own noVNC stand-in under `/novnc`, where console URLs point. No Bearer
/// token: the ticket in the URL is the key, valid for 10 s of real time.
enum ConsolePageRoutes {
    static let ticket = Field.string(
        "ticket", .optional, rule: "ticket is the key of a console URL from GET .../console, valid for 10 s"
    ).inQuery

    /// The stand-in page, or the refusal page (403) for an unknown or expired ticket.
    struct Page {
        let title: String
        let text: String
        let status: HTTPStatus
    }

    static let page = Answer<Page>(
        Answer<String>.html("The console stand-in page; an unknown or expired ticket gets a 403 page").documentation
    ) {
        .html(
            """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\($0.title)</title></head>
            <body><h1>\($0.title)</h1><p>\($0.text)</p></body></html>
            """, status: $0.status)
    }

    static func routes(model: ResellerModel) -> [APIRoute] {
        [
            .memory(
                .GET, "/vnc.html", "noVNC console stand-in page", input: InputDeclaration(.laravel, [AnyField(ticket)]),
                answer: page
            ) { _, _, input in
                guard let key = input[Self.ticket], let ticket = model.consoles.redeem(key) else {
                    return Page(title: "Console ticket invalid", text: expiredText, status: .forbidden)
                }
                return Page(
                    title: "Console of \(ticket.resourceLabel)",
                    text: "Sandbox stand-in for the noVNC console of \(ticket.resourceLabel). There is no real screen here.",
                    status: .ok)
            }
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
}
