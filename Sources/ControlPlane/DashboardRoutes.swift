import APIKit
import HTTP1
import SandboxCore
import StructuredData

/// `GET /_sandbox/` (and `/_sandbox/dashboard`): an HTML overview of every tenant, its clock,
/// the latest events and requests; it reloads itself every 5 seconds.
enum DashboardRoutes {
    static func routes(runtime: SandboxRuntime, journal: RequestJournal) -> [APIRoute] {
        let page: RouteHandler = .admin { _, _ in .html(try render(runtime: runtime, journal: journal)) }
        return [
            APIRoute(.GET, "/", "HTML dashboard: tenants, clocks, recent events and requests", page),
            APIRoute(.GET, "/dashboard", "HTML dashboard (same page)", page),
        ]
    }

    static func render(runtime: SandboxRuntime, journal: RequestJournal) throws -> String {
        let tenants = try runtime.tenants()
        let events = try runtime.latestEvents(limit: 50)
        let requests = journal.entries(where: { _ in true }, limit: 50)
        var html = """
            <!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
            <title>HostingSandbox</title><style>
            body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin-bottom:2em}
            td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#eee}code{font-size:13px}
            </style></head><body><h1>HostingSandbox</h1>
            """
        html += "<h2>Tenants (\(tenants.count))</h2>"
        html += table(["Tenant", "Balance (EUR)", "Permissions", "Clock", "Now"], tenants.map {
            [RequestJournal.mask($0.token), format2($0.balance), $0.permissions.joined(separator: ", "),
             "\($0.clockMode.rawValue) ×\(format2($0.scale))", Timestamp.iso8601($0.now)]
        })
        html += "<h2>Latest events</h2>"
        html += table(["Id", "Tenant", "Resource", "From", "To", "At (tenant clock)", "Job"], events.map {
            [String($0.id), RequestJournal.mask($0.token), "\($0.resourceType) \($0.resourceId)", $0.from ?? "", $0.to,
             Timestamp.iso8601($0.at), $0.jobId.map(String.init) ?? ""]
        })
        html += "<h2>Latest requests</h2>"
        html += table(["Id", "At", "Tenant", "Request", "Status", "ms"], requests.map {
            [String($0.id), Timestamp.iso8601($0.at), $0.token.map { RequestJournal.mask($0) } ?? "",
             "\($0.method) \($0.path)\($0.query.isEmpty ? "" : "?" + $0.query)", String($0.status), format2($0.millis)]
        })
        html += "<p>JSON: <code>/_sandbox/state</code>, <code>/_sandbox/events</code>, <code>/_sandbox/requests</code>, <code>/_sandbox/openapi.json</code></p></body></html>"
        return html
    }

    private static func table(_ headings: [String], _ rows: [[String]]) -> String {
        var text = "<table><tr>" + headings.map { "<th>\(escape($0))</th>" }.joined() + "</tr>"
        for row in rows { text += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }
        return text + "</table>"
    }

    private static func format2(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
