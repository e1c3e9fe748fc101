import SandboxTesting
import StructuredData
import Testing

@Suite struct SnapshotTests {
    /// What a client sees; compared before and after a round trip.
    func answers(_ sandbox: TestSandbox, vm: Int, job: Int) -> [JSONValue] {
        [
            sandbox.request(.GET, "/api/v1/datacenter/server").json,
            sandbox.request(.GET, "/api/v1/datacenter/server/\(vm)/status").json,
            sandbox.request(.GET, "/api/v1/datacenter/server/\(vm)/config").json,
            sandbox.request(.GET, "/api/v1/job/\(job)").json,
            sandbox.request(.GET, "/_sandbox/clock").json,
            sandbox.request(.GET, "/_sandbox/tenants").json,
        ]
    }

    @Test func exportResetImportGivesBackIdenticalAnswers() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        sandbox.advance(seconds: 30)
        let snapshot = sandbox.request(.GET, "/_sandbox/state")
        #expect(snapshot.status == 200)
        #expect(snapshot.json["format"] == "hosting-sandbox-snapshot")
        #expect(snapshot.json["migrations"]?.arrayValue?.isEmpty == false)
        #expect(snapshot.json["tenants"]?.arrayValue?.first?["clock"]?["now"] == "2026-01-01T00:00:30Z")
        #expect(snapshot.json["tables"]?["jobs"]?.arrayValue?.count == 1)
        // The original world runs on: the install finishes with a random root password.
        sandbox.advance(seconds: 100)
        let original = answers(sandbox, vm: vm.id, job: vm.jobId)

        sandbox.request(.POST, "/_sandbox/reset")
        #expect(sandbox.serverIDs().isEmpty)
        let imported = sandbox.request(.PUT, "/_sandbox/state", body: snapshot.body)
        #expect(imported.status == 200, "\(imported.text)")
        #expect(sandbox.request(.GET, "/_sandbox/clock").json["now"] == "2026-01-01T00:00:30Z")
        sandbox.advance(seconds: 100)
        #expect(answers(sandbox, vm: vm.id, job: vm.jobId) == original)
    }

    @Test func fullSnapshotRoundTripsEveryTenant() throws {
        let sandbox = try TestSandbox()
        let mine = sandbox.createVM()
        let theirs = sandbox.createVM(token: "second-tenant")
        let snapshot = sandbox.request(.GET, "/_sandbox/state?all=true")
        #expect(snapshot.json["tenants"]?.arrayValue?.count == 2)
        sandbox.request(.POST, "/_sandbox/reset?all=true")
        #expect(sandbox.request(.PUT, "/_sandbox/state?all=true", body: snapshot.body).status == 200)
        #expect(sandbox.serverIDs() == [mine.id])
        #expect(sandbox.serverIDs(token: "second-tenant") == [theirs.id])
        // Sequences were restored: the next VM gets a new ID.
        #expect(sandbox.createVM().id > max(mine.id, theirs.id))
    }

    @Test func snapshotOfAnotherVersionIsRefusedAndNothingChanges() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        var document = try #require(sandbox.request(.GET, "/_sandbox/state").json.objectValue)
        document["migrations"] = .array((document["migrations"]?.arrayValue ?? []) + ["reseller.999-from-the-future"])
        document["tables"] = ["jobs": []]
        let refused = sandbox.request(.PUT, "/_sandbox/state", json: .object(document))
        #expect(refused.status == 400)
        #expect(refused.json["field"] == "migrations")
        #expect(refused.json["error"]?.stringValue?.contains("reseller.999-from-the-future") == true)
        #expect(refused.json["error"]?.stringValue?.contains("newer sandbox version") == true)
        #expect(sandbox.serverIDs() == [vm.id])
        #expect(sandbox.request(.GET, "/api/v1/job/\(vm.jobId)").status == 200)
    }

    @Test func brokenReferencesAreRefusedAndNothingChanges() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        var document = try #require(sandbox.request(.GET, "/_sandbox/state").json.objectValue)
        var tables = try #require(document["tables"]?.objectValue)
        // Timers point at their job; drop the job and keep the timers.
        tables["jobs"] = []
        document["tables"] = .object(tables)
        let refused = sandbox.request(.PUT, "/_sandbox/state", json: .object(document))
        #expect(refused.status == 400)
        #expect(refused.json["error"]?.stringValue?.contains("broken reference") == true)
        #expect(sandbox.serverIDs() == [vm.id])
        #expect(sandbox.request(.GET, "/api/v1/job/\(vm.jobId)").json["result"]?["status"] == "queued")
    }

    @Test func malformedDocumentsAreRefusedWithTheField() throws {
        let sandbox = try TestSandbox()
        let good = try #require(sandbox.request(.GET, "/_sandbox/state").json.objectValue)
        #expect(sandbox.request(.PUT, "/_sandbox/state", body: Array("{not json".utf8)).status == 400)
        var wrongFormat = good
        wrongFormat["format"] = "something-else"
        #expect(sandbox.request(.PUT, "/_sandbox/state", json: .object(wrongFormat)).json["field"] == "format")
        var unknownTable = good
        unknownTable["tables"] = ["no_such_table": [["tenant_id": 1]]]
        #expect(sandbox.request(.PUT, "/_sandbox/state", json: .object(unknownTable)).json["field"] == "tables")
        var unknownColumn = good
        unknownColumn["tables"] = ["jobs": [["bogus": 1]]]
        #expect(sandbox.request(.PUT, "/_sandbox/state", json: .object(unknownColumn)).status == 400)
        let full = sandbox.request(.GET, "/_sandbox/state?all=true").json
        _ = sandbox.request(.GET, "/_sandbox/clock", token: "someone-else")
        let twoTenants = sandbox.request(.GET, "/_sandbox/state?all=true").json
        #expect(full != twoTenants)
        #expect(sandbox.request(.PUT, "/_sandbox/state", json: twoTenants).json["field"] == "tenants")
    }

    /// An upload is read a row at a time when `tables` comes last (as exported); a document
    /// with `tables` first is read whole, with the same result.
    @Test func membersInAnyOrderImport() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        let exported = try #require(sandbox.request(.GET, "/_sandbox/state").json.objectValue)
        let tablesFirst = JSONObject(
            [("tables", exported["tables"] ?? .null)] + exported.entries.filter { $0.key != "tables" }.map { ($0.key, $0.value) })
        sandbox.request(.POST, "/_sandbox/reset")
        let imported = sandbox.request(.PUT, "/_sandbox/state", json: .object(tablesFirst))
        #expect(imported.status == 200, "\(imported.text)")
        #expect(sandbox.serverIDs() == [vm.id])
        var badRow = exported
        badRow["tables"] = ["jobs": [1]]
        let refused = sandbox.request(.PUT, "/_sandbox/state", json: .object(badRow))
        #expect(refused.status == 400)
        #expect(refused.json["error"]?.stringValue?.contains("tables.jobs must be an array of row objects") == true)
        #expect(sandbox.serverIDs() == [vm.id])
    }
}
