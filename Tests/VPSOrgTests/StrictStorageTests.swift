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

    @Test func anUnknownActionTypeOrBackupStatusIsA500NamingIt() throws {
        let sandbox = try TestSandbox()
        let server = sandbox.activeClientServer()
        #expect(sandbox.act(server, "backup").status == 202)
        try sandbox.application.runtime.database.write {
            try $0.run("UPDATE vpsorg_server_actions SET type = 'teleport'")
            try $0.run("UPDATE vpsorg_server_backups SET status = 'lost'")
        }
        let actions = sandbox.request(.GET, "/api/v1/servers/\(server)/actions/")
        #expect(actions.status == 500)
        #expect(actions.json["detail"]?.stringValue?.contains("vpsorg_server_actions.type holds 'teleport'") == true, "\(actions.text)")
        let backups = sandbox.request(.GET, "/api/v1/servers/\(server)/backups/")
        #expect(backups.status == 500)
        #expect(backups.json["detail"]?.stringValue?.contains("status holds 'lost'") == true, "\(backups.text)")
    }

    @Test func aMissingSSHKeyValueIsA500NamingIt() throws {
        let sandbox = try TestSandbox()
        sandbox.request(.POST, "/api/v1/ssh-keys/", json: ["name": "k", "public_key": .string(SSHKeyTests.laptop)])
        try sandbox.application.runtime.database.write {
            try $0.run("UPDATE vpsorg_ssh_keys SET created_at = 'yesterday'")
        }
        let response = sandbox.request(.GET, "/api/v1/ssh-keys/")
        #expect(response.status == 500)
        #expect(response.json["detail"]?.stringValue?.contains("created_at") == true, "\(response.text)")
    }
}

/// Deploy configs and deployments read their stored values strictly too.
@Suite struct DeployStrictStorageTests {
    @Test func anUnknownAppTypeOrStatusIsA500NamingIt() throws {
        let sandbox = try TestSandbox()
        let config = sandbox.deployConfig(server: sandbox.activeServer())
        let deployment = sandbox.deploy(config)
        try sandbox.application.runtime.database.write {
            try $0.run("UPDATE vpsorg_deployments SET status = 'exploded' WHERE uuid = ?", deployment)
            try $0.run("UPDATE vpsorg_deploy_configs SET build_commands = '\"npm\"' WHERE uuid = ?", config)
        }
        let detail = sandbox.request(.GET, "/api/v1/deployments/\(deployment)/")
        #expect(detail.status == 500)
        #expect(detail.json["detail"]?.stringValue?.contains("vpsorg_deployments.status holds 'exploded'") == true)
        let configDetail = sandbox.request(.GET, "/api/v1/deploy-configs/\(config)/")
        #expect(configDetail.status == 500)
        #expect(configDetail.json["detail"]?.stringValue?.contains("build_commands") == true)
    }

    @Test func anUnreadablePlanFailsTheDeploymentSayingSo() throws {
        let sandbox = try TestSandbox()
        let deployment = sandbox.deploy(sandbox.deployConfig(server: sandbox.activeServer()))
        try sandbox.application.runtime.database.write {
            try $0.run("UPDATE jobs SET payload = '{\"steps\": 3}' WHERE kind = 'vpsorg.deployment'")
        }
        #expect(sandbox.advance(seconds: 5).status == 200)
        let failed = sandbox.deployment(deployment)
        #expect(failed["status"] == "failed")
        #expect(failed["error_message"] == "The deployment's stored plan (its job's payload) is unreadable.")
    }
}
