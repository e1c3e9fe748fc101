import SandboxCore
import Testing

/// The label that stands for a tenant in the journal, the dashboard and the access log.
@Suite struct TenantLabelTests {
    @Test func showsAtMostHalfTheTokenAndAHashOfAllOfIt() {
        #expect(TenantLabel.of("ci-run-1") == "ci-r…a78b2f")
        #expect(TenantLabel.of("tok-ctl") == "tok…1b0a99")
        #expect(TenantLabel.of("a") == "…ed8170")
        #expect(TenantLabel.of("d41d8cd98f00b204e9800998ecf8427e") == "d41d…c0bd38")
    }

    @Test func neverShowsATokenWholeAndTellsNeighboursApart() {
        var labels = Set<String>()
        for length in 1...40 {
            let token = String(repeating: "x", count: length - 1) + "y"
            let label = TenantLabel.of(token)
            #expect(!label.contains(token))
            #expect(label.count <= 11)
            labels.insert(label)
        }
        #expect(labels.count == 40)
        #expect(TenantLabel.of("ci-run-1") != TenantLabel.of("ci-run-2"))
    }
}
