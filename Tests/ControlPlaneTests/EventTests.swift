import Dispatch
import Foundation
import HTTP1
import SandboxTesting
import StructuredData
import Testing

@Suite struct EventTests {
    func events(_ response: TestResponse) -> [JSONValue] { response.json["events"]?.arrayValue ?? [] }

    /// Found by schemathesis: with no tenant yet, the feed of every tenant read a NULL maximum.
    @Test func everyTenantsFeedAnswersBeforeAnyTenantExists() throws {
        let sandbox = try TestSandbox()
        let response = sandbox.request(.GET, "/_sandbox/events?all=true&wait=0", token: .some(nil))
        #expect(response.status == 200)
        #expect(response.json["events"] == [])
    }

    @Test func stateChangesAppearAfterAClockAdvance() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        let first = sandbox.request(.GET, "/_sandbox/events")
        #expect(first.status == 200)
        #expect(events(first).contains { $0["resourceType"] == "job" && $0["to"] == "queued" && $0["jobId"] == .int(vm.jobId) })
        let last = try #require(first.json["last"]?.intValue)
        #expect(events(sandbox.request(.GET, "/_sandbox/events?after=\(last)")).isEmpty)

        sandbox.advance(seconds: 130)
        let later = events(sandbox.request(.GET, "/_sandbox/events?after=\(last)"))
        let server = later.first { $0["resourceType"] == "virtual_server" && $0["to"] == "running" }
        #expect(server?["resourceId"] == .int(vm.id))
        #expect(server?["from"] == "installing")
        #expect(server?["at"] == "2026-01-01T00:02:02Z")
        #expect(later.map { $0["id"]?.intValue ?? 0 } == later.map { $0["id"]?.intValue ?? 0 }.sorted())
        #expect(later.allSatisfy { ($0["id"]?.intValue ?? 0) > last })
    }

    @Test func aLongPollReturnsAsSoonAsAnEventArrives() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        let last = sandbox.request(.GET, "/_sandbox/events").json["last"]?.intValue ?? 0
        let client = HTTPTestClient(port: sandbox.port)
        let done = DispatchSemaphore(value: 0)
        let box = Box<TestResponse>()
        let started = Date()
        Thread.detachNewThread { [token = sandbox.token] in
            box.value = try? client.send(
                .GET, "/_sandbox/events?after=\(last)&wait=20", headers: ["Authorization": "Bearer \(token)"], body: [])
            done.signal()
        }
        #expect(waitUntil { sandbox.application.events.waitingCount == 1 })
        #expect(sandbox.request(.POST, "/_sandbox/jobs/\(vm.jobId)/complete").status == 200)
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(Date().timeIntervalSince(started) < 10)
        let found = try #require(box.value)
        #expect(found.status == 200)
        #expect(events(found).contains { $0["resourceType"] == "job" && $0["to"] == "finished" })
    }

    /// Two long-polls of one tenant, far apart: a batch read from the smaller `after` would
    /// end before the larger one's events begin, so each must be served from its own `after`.
    @Test func longPollsWithDifferentAfterEachGetTheirEvents() throws {
        // Everything kept: a thousand days would otherwise prune the early events.
        let sandbox = try TestSandbox { $0.retentionDays = 0 }
        let vm = sandbox.createVM()
        sandbox.advance(seconds: 130)
        let task = sandbox.request(
            .POST, "/api/v1/datacenter/server/\(vm.id)/scheduled", json: ["command": "RESTART", "interval": "DAILY"])
        #expect(task.status == 200, "\(task.text)")
        let last = try #require(sandbox.request(.GET, "/_sandbox/events").json["last"]?.intValue)
        let far = Int(last) + 1_500
        let early = Box<TestResponse>(), late = Box<TestResponse>()
        let done = DispatchGroup()
        for (after, box) in [(Int(last), early), (far, late)] {
            done.enter()
            Thread.detachNewThread { [port = sandbox.port, token = sandbox.token] in
                box.value = try? HTTPTestClient(port: port).send(
                    .GET, "/_sandbox/events?after=\(after)&wait=20&limit=1000",
                    headers: ["Authorization": "Bearer \(token)"], body: [])
                done.leave()
            }
        }
        #expect(waitUntil { sandbox.application.events.waitingCount == 2 })
        // A thousand days of daily restarts, well over 1500 events, committed in slices: the
        // early poll is answered by the first slice, the late one once its events exist.
        #expect(sandbox.advance(seconds: 1_000 * 86_400).status == 200)
        #expect(done.wait(timeout: .now() + 10) == .success)
        let earlyIDs = events(try #require(early.value)).compactMap { $0["id"]?.intValue }
        let lateIDs = events(try #require(late.value)).compactMap { $0["id"]?.intValue }
        #expect(!earlyIDs.isEmpty && earlyIDs.count <= 1_000)
        #expect(earlyIDs == earlyIDs.sorted())
        #expect(earlyIDs.first.map { $0 > last } == true)
        #expect(!lateIDs.isEmpty)
        #expect(lateIDs.allSatisfy { $0 > far })
        #expect(sandbox.application.events.waitingCount == 0)
    }

    @Test func aLongPollTimesOutEmpty() throws {
        let sandbox = try TestSandbox()
        let started = Date()
        let response = sandbox.request(.GET, "/_sandbox/events?after=0&wait=0.5")
        let elapsed = Date().timeIntervalSince(started)
        #expect(response.status == 200)
        #expect(response.json == ["events": [], "last": 0, "dropped": false])
        #expect(elapsed >= 0.45 && elapsed < 5)
    }

    /// Stopping the server answers a parked long-poll at once (an empty page, as when its wait
    /// runs out) instead of closing its connection after the shutdown's grace period.
    @Test func stoppingTheServerAnswersParkedLongPolls() throws {
        let sandbox = try TestSandbox()
        let last = sandbox.request(.GET, "/_sandbox/events").json["last"]?.intValue ?? 0
        let client = HTTPTestClient(port: sandbox.port)
        let done = DispatchSemaphore(value: 0)
        let box = Box<TestResponse>()
        Thread.detachNewThread { [token = sandbox.token] in
            box.value = try? client.send(
                .GET, "/_sandbox/events?after=\(last)&wait=30", headers: ["Authorization": "Bearer \(token)"], body: [])
            done.signal()
        }
        #expect(waitUntil { sandbox.application.events.waitingCount == 1 })
        // A grace period longer than the test waits: the answer must not depend on it.
        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            sandbox.server.stop(timeout: 20)
            stopped.signal()
        }
        #expect(done.wait(timeout: .now() + 10) == .success)
        let answer = try #require(box.value)
        #expect(answer.status == 200)
        #expect(answer.json == ["events": [], "last": .int(last), "dropped": false])
        #expect(stopped.wait(timeout: .now() + 10) == .success)
    }

    @Test func twoHundredLongPollsDoNotStopTheAPI() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        let last = sandbox.request(.GET, "/_sandbox/events").json["last"]?.intValue ?? 0
        let group = DispatchGroup()
        let answered = Box<Int>()
        let lock = NSLock()
        answered.value = 0
        for _ in 0..<200 {
            group.enter()
            let request = HTTPRequest(
                method: .GET, target: "/_sandbox/events?after=\(last)&wait=30",
                headers: ["Authorization": "Bearer \(sandbox.token)"])
            sandbox.application.handle(request) { response in
                if response.status.code == 200, response.body.count > 30 {
                    lock.lock()
                    answered.value! += 1
                    lock.unlock()
                }
                group.leave()
            }
        }
        #expect(waitUntil { sandbox.application.events.waitingCount == 200 })
        let started = Date()
        #expect(sandbox.request(.GET, "/api/v1/datacenter/templates").status == 200)
        #expect(sandbox.request(.GET, "/_sandbox/health").status == 200)
        #expect(Date().timeIntervalSince(started) < 2)
        sandbox.advance(seconds: 130)
        #expect(group.wait(timeout: .now() + 10) == .success)
        #expect(answered.value == 200)
        #expect(sandbox.application.events.waitingCount == 0)
        #expect(sandbox.vmState(vm.id) == "running")
    }

    @Test func badParametersAreRefused() throws {
        let sandbox = try TestSandbox()
        for query in ["after=-1", "after=x", "wait=61", "wait=soon", "limit=0"] {
            #expect(sandbox.request(.GET, "/_sandbox/events?\(query)").status == 400, "\(query)")
        }
        #expect(sandbox.request(.GET, "/_sandbox/events", token: .some(nil)).status == 401)
    }
}

/// Polls `condition` (a parked request registers asynchronously) for up to 5 seconds.
func waitUntil(_ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(5)
    while Date() < deadline {
        if condition() { return true }
        usleep(2_000)
    }
    return condition()
}
