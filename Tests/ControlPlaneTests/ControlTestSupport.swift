import Dispatch
import HTTP1
import SandboxTesting
import StructuredData
import Testing

let smallVM: JSONValue = ["template": "Debian10.0", "cpuCores": 2, "mem": 2048, "disk": "25G", "ipCount": 1]

extension TestSandbox {
    /// Creates a VM (state `installing`) and returns its ID and install job ID.
    @discardableResult
    func createVM(token: String? = nil) -> (id: Int, jobId: Int) {
        let response = request(.POST, "/api/v1/datacenter/server", token: .some(token ?? self.token), json: smallVM)
        #expect(response.status == 200, "\(response.text)")
        let id = serverIDs(token: token).max() ?? -1
        return (id, Int(response.result["jobId"]?.intValue ?? -1))
    }

    func serverIDs(token: String? = nil) -> [Int] {
        request(.GET, "/api/v1/datacenter/server", token: .some(token ?? self.token)).result.arrayValue?
            .compactMap { $0.intValue.map(Int.init) } ?? []
    }

    func vmState(_ id: Int, token: String? = nil) -> String? {
        request(.GET, "/api/v1/datacenter/server/\(id)/status", token: .some(token ?? self.token)).result["state"]?.stringValue
    }

    /// The response value itself (with its connection action), straight from the application.
    func rawResponse(_ method: HTTPMethod, _ path: String, token: String? = nil) -> HTTPResponse {
        let request = HTTPRequest(method: method, target: path, headers: ["Authorization": "Bearer \(token ?? self.token)"])
        let done = DispatchSemaphore(value: 0)
        let box = Box<HTTPResponse>()
        application.handle(request) { response in
            box.value = response
            done.signal()
        }
        done.wait()
        return box.value!
    }
}

/// A value handed from a callback to the waiting test thread (the semaphore orders the accesses).
final class Box<Value>: @unchecked Sendable {
    var value: Value?
}
