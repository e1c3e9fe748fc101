@testable import Reseller
import SandboxCore
import SandboxTesting
import Testing

/// IPv4 allocation from the tenant's pool: an exhausted pool is a conflict after a bounded
/// number of draws, not an endless loop. The pool is shrunk to a single address here
/// instead of filling a /16 with VMs.
@Suite struct AddressAllocationTests {
    @Test func anExhaustedPoolIsAConflictAfterBoundedDraws() throws {
        let sandbox = try TestSandbox()
        let refusal = try sandbox.application.runtime.perform(token: sandbox.token) { context -> DomainError? in
            let one = try VirtualServerProvisioning.allocateIPv4(count: 1, in: context, prefix: "185.244.7.9")
            #expect(one == ["185.244.7.9"])
            do {
                _ = try VirtualServerProvisioning.allocateIPv4(count: 2, in: context, prefix: "185.244.7.9")
                return nil
            } catch let error as DomainError {
                return error
            }
        }
        #expect(refusal?.kind == .conflict)
        #expect(refusal?.message == "no free IPv4 address left in the sandbox pool for this tenant")
    }

    @Test func addressesOfTheTenantsVMsAreNotHandedOutAgain() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.createVM().id
        let kinds = try sandbox.application.runtime.perform(token: sandbox.token) { context -> [DomainError.Kind?] in
            let taken = try VirtualServers.find(id, in: context).ipv4
            return taken.map { address in
                do {
                    _ = try VirtualServerProvisioning.allocateIPv4(count: 1, in: context, prefix: address)
                    return nil
                } catch {
                    return (error as? DomainError)?.kind
                }
            }
        }
        #expect(kinds == [.conflict])
    }
}
