import SQLiteStore
import SandboxTesting
import StructuredData
import Testing

/// VPS.org reports a stored value it does not know as a 500 in DRF's `{"detail": ...}`.
@Suite struct StrictStorageTests {
    @Test func anUnknownServerStatusIsA500NamingIt() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.activeServer()
        try sandbox.application.runtime.database.write {
            try $0.run("UPDATE vpsorg_servers SET status = 'melted' WHERE id = ?", id)
        }
        let response = sandbox.request(.GET, "/api/v1/servers/\(id)/")
        #expect(response.status == 500)
        let detail = response.json["detail"]?.stringValue ?? ""
        #expect(detail.contains("vpsorg_servers.status holds 'melted'"), "\(detail)")
    }

    @Test func anUnknownRecordTypeIsA500NamingIt() throws {
        let sandbox = try TestSandbox()
        let zone = sandbox.createZone()
        try sandbox.application.runtime.database.write {
            try $0.run("UPDATE vpsorg_dns_records SET record_type = 'SPF'")
        }
        let response = sandbox.request(.GET, "/api/v1/dns-zones/\(zone)/")
        #expect(response.status == 500)
        let detail = response.json["detail"]?.stringValue ?? ""
        #expect(detail.contains("record_type holds 'SPF'"), "\(detail)")
    }

    @Test func aMissingDomainValueIsA500NamingIt() throws {
        let sandbox = try TestSandbox()
        let domain = sandbox.registerDomain()
        try sandbox.application.runtime.database.write {
            try $0.run("UPDATE vpsorg_domains SET whois_privacy = 'yes'")
        }
        let response = sandbox.request(.GET, "/api/v1/domains/\(domain)/")
        #expect(response.status == 500)
        #expect(response.json["detail"]?.stringValue?.contains("whois_privacy") == true, "\(response.text)")
    }
}
