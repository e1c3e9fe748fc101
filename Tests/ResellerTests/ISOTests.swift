import HTTP1
import SandboxTesting
import StructuredData
import Testing

@Suite struct ISOTests {
    static let debian = "ISOs:iso/debian-11.5.0-amd64-netinst-0.iso"

    func uptime(_ sandbox: TestSandbox, _ id: Int) -> Int64 {
        sandbox.request(.GET, sandbox.server(id, "status")).result["uptime"]?.intValue ?? -1
    }

    @Test func listsTheCatalogue() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.createVM().id
        let isos = sandbox.request(.GET, sandbox.server(id, "iso")).result.arrayValue ?? []
        #expect(isos.count == 7)
        #expect(isos.first == ["id": .string(Self.debian), "name": "debian-11.5.0-amd64-netinst.iso"])
    }

    @Test func insertingIntoARunningVMRebootsIt() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        sandbox.advance(seconds: 600)
        #expect(uptime(sandbox, id) >= 600)
        let insert = sandbox.request(.POST, sandbox.server(id, "iso"), json: ["isoId": .string(Self.debian)])
        #expect(insert.json == ["result": true, "rebooted": true])
        #expect(insert.text == #"{"result":true,"rebooted":true}"#)
        #expect(sandbox.config(id)["iso"] == .string(Self.debian))
        #expect(uptime(sandbox, id) == 0)
        #expect(sandbox.vmState(id) == "running")
    }

    @Test func insertingIntoAStoppedVMDoesNotBootIt() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        sandbox.request(.PUT, sandbox.server(id, "stop"))
        let insert = sandbox.request(
            .POST, sandbox.server(id, "iso"), form: "isoId=ISOs%3Aiso%2Fsystemrescue-11.02-amd64-0.iso")
        #expect(insert.json == ["result": true, "rebooted": false])
        #expect(sandbox.config(id)["iso"] == "ISOs:iso/systemrescue-11.02-amd64-0.iso")
        #expect(sandbox.vmState(id) == "stopped")
    }

    @Test func ejectRemovesTheISOAndIsIdempotent() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        sandbox.request(.POST, sandbox.server(id, "iso"), json: ["isoId": .string(Self.debian)])
        sandbox.advance(seconds: 60)
        #expect(sandbox.request(.DELETE, sandbox.server(id, "iso")).json == ["result": true])
        #expect(sandbox.config(id)["iso"] == .null)
        // No reboot on eject: the VM keeps running.
        #expect(uptime(sandbox, id) == 60)
        #expect(sandbox.request(.DELETE, sandbox.server(id, "iso")).json == ["result": true])
    }

    static let refusals: [(body: JSONValue, message: String)] = [
        ([:], "isoId is required"), (["isoId": "debian.iso"], "isoId must be one of"),
        (["isoId": ["a"]], "isoId must be one of"),
    ]

    @Test(arguments: 0..<refusals.count)
    func unknownOrMissingISOIs400(index: Int) throws {
        let (body, message) = Self.refusals[index]
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let response = sandbox.request(.POST, sandbox.server(id, "iso"), json: body)
        #expect(response.status == 400)
        #expect(response.json["error"]?.stringValue?.hasPrefix(message) == true, "\(response.text)")
        #expect(sandbox.config(id)["iso"] == .null)
    }

    @Test func insertAndEjectWaitForTheVMsJob() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.createVM().id
        let insert = sandbox.request(.POST, sandbox.server(id, "iso"), json: ["isoId": .string(Self.debian)])
        #expect(insert.status == 409)
        #expect(insert.json["error"]?.stringValue?.contains("installing") == true)
        #expect(sandbox.request(.DELETE, sandbox.server(id, "iso")).status == 409)
        #expect(sandbox.config(id)["iso"] == .null)
    }

    @Test func anotherTenantGets404() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let intruder = sandbox.intruder()
        for method in [HTTPMethod.GET, .POST, .DELETE] {
            let response = sandbox.request(
                method, sandbox.server(id, "iso"), token: .some(intruder), json: ["isoId": .string(Self.debian)])
            #expect(response.status == 404, "\(method): \(response.text)")
            #expect(response.json == ["error": .string("Server \(id) not found")])
        }
        #expect(sandbox.config(id)["iso"] == .null)
    }
}
