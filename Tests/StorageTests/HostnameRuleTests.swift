import SandboxCore
import Testing

/// The one hostname rule and its documented variants (VM hostnames, dedicated hostnames, FQDNs).
@Suite struct HostnameRuleTests {
    @Test func labelsOfLettersDigitsAndInnerHyphens() {
        for rule in [HostnameRule.virtualServer, .dedicatedServer, .fullyQualified] {
            #expect(rule.accepts("web-1.example.com"))
            for bad in ["-web.example.com", "web-.example.com", "web..example.com", "we b.example.com",
                "under_score.example.com", "wéb.example.com", String(repeating: "a", count: 64) + ".example.com",
                String(repeating: "abcdefghi.", count: 25) + "example.com"]
            {
                #expect(!rule.accepts(bad), "\(bad)")
            }
        }
    }

    @Test func virtualServerHostnamesHaveAtLeastFourCharactersAndNoTrailingDot() {
        #expect(HostnameRule.virtualServer.accepts("web1"))
        #expect(!HostnameRule.virtualServer.accepts("web"))
        #expect(!HostnameRule.virtualServer.accepts("web1.example.com."))
        #expect(HostnameRule.virtualServer.message("hostname").hasPrefix("hostname must be 4 to 253 characters"))
    }

    @Test func dedicatedHostnamesHaveNoMinimum() {
        #expect(HostnameRule.dedicatedServer.accepts("a"))
        #expect(!HostnameRule.dedicatedServer.accepts(""))
    }

    @Test func fullyQualifiedNamesHaveTwoLabelsAndATopLabelThatIsNotAllDigits() {
        let rule = HostnameRule.fullyQualified
        for good in ["mail.example.com", "mail.example.com.", "mail.example.xn--p1ai", "a.b2"] {
            #expect(rule.accepts(good), "\(good)")
        }
        for bad in ["localhost", "localhost.", "mail.example.123", "10.0.0.1", ".example.com", "mail.example.com.."] {
            #expect(!rule.accepts(bad), "\(bad)")
        }
    }

    @Test func refusalsNameTheFieldAndTheWholeRule() {
        #expect(HostnameRule.fullyQualified.message("hostname") == "hostname must be a fully qualified domain name such as web01.example.com")
        #expect(HostnameRule.virtualServer.message("hostname").hasPrefix("hostname must be 4 to 253 characters"))
    }
}
