"""The agent's steps on domains and DNS (the methods of Agent that concern them)."""
import re

from .steps import UNKNOWN_UUID, blocks, expect, line_value

DOMAIN = "agent-demo-shop.com"


class DomainSteps:
    async def search_free(self):
        text = await self.tool("search_domains", domain=DOMAIN)
        expect(re.search(r"^\s+available: True$", text, re.MULTILINE), "not available", text)
        expect(re.search(r"price", text, re.IGNORECASE), "no price", text)

    async def register_domain(self):
        before = self.sandbox.balance(self.token)
        status, body = self.raw("POST", "/domains/", {"domain_name": DOMAIN, "years": 1})
        expect(status == 201, f"POST /domains/ answered {status}", body)
        expect(body.get("domain_name") == DOMAIN and body.get("uuid"), "no domain_name or uuid", body)
        after = self.sandbox.balance(self.token)
        expect(after < before, f"the balance did not fall ({before} -> {after})")
        self.found["expected_domain_uuid"] = body["uuid"]

    async def search_taken(self):
        self.need("expected_domain_uuid")
        text = await self.tool("search_domains", domain=DOMAIN)
        expect(re.search(r"^\s+available: False$", text, re.MULTILINE), "a registered name is still available", text)

    async def list_domains(self):
        text = await self.tool("list_domains")
        block = next((block for block in blocks(text) if f"Domain: {DOMAIN}" in block), None)
        expect(block, f"{DOMAIN} not listed", text)
        self.found["domain_uuid"] = line_value(block, "UUID")
        expect(self.found["domain_uuid"] == self.found.get("expected_domain_uuid"), "not the registered uuid", block)

    async def domain_text(self):
        return await self.tool("get_domain", domain_uuid=self.need("domain_uuid"))

    async def get_domain(self):
        text = await self.domain_text()
        for label in ("Status", "Registrar", "Expires", "Days until expiration", "Auto-renew", "Nameservers",
                      "WHOIS Privacy", "Transfer Lock"):
            expect(line_value(text, label), f"no {label} line", text)
        days = int(line_value(text, "Days until expiration"))
        expect(360 <= days <= 366, "a one-year registration does not expire in about 365 days", text)

    async def unknown_domain(self):
        await self.refused("get_domain", 404, domain_uuid=UNKNOWN_UUID)

    async def update_nameservers(self):
        uuid = self.need("domain_uuid")
        await self.succeeded("update_nameservers", f"Nameservers updated for domain {uuid}.", domain_uuid=uuid,
                             ns1="ns1.agent-dns.net", ns2="ns2.agent-dns.net", ns3="ns3.agent-dns.net")
        text = await self.domain_text()
        expect(line_value(text, "Nameservers") == "ns1.agent-dns.net, ns2.agent-dns.net, ns3.agent-dns.net",
               "get_domain does not show the new nameservers", text)

    async def one_nameserver(self):
        await self.refused("update_nameservers", 400, ["nameservers"], domain_uuid=self.need("domain_uuid"),
                           ns1="ns1.agent-dns.net")

    async def renew_domain(self):
        uuid = self.need("domain_uuid")
        before_text = await self.domain_text()
        before = line_value(before_text, "Expires")
        balance = self.sandbox.balance(self.token)
        await self.succeeded("renew_domain", f"Domain {uuid} renewed for 2 year(s).", domain_uuid=uuid, years=2)
        after = line_value(await self.domain_text(), "Expires")
        expect(before and after and int(after[:4]) == int(before[:4]) + 2 and after[4:10] == before[4:10],
               f"the expiration did not move by two years ({before} -> {after})")
        expect(self.sandbox.balance(self.token) < balance, "the renewal was not charged")

    async def create_zone(self):
        text = await self.succeeded("create_dns_zone", "DNS zone created.", domain=DOMAIN)
        expect(f"DNS Zone: {DOMAIN}" in text, "the zone's domain is not shown", text)
        self.found["zone_uuid"] = line_value(text, "UUID")
        expect(self.found["zone_uuid"], "no UUID line", text)

    async def list_zones(self):
        uuid = self.need("zone_uuid")
        text = await self.tool("list_dns_zones", domain=DOMAIN)
        expect(f"UUID: {uuid}" in text, "the zone is not listed under its domain", text)
        other = await self.tool("list_dns_zones", domain="not-this-one.example")
        expect(other == "No results found.", "the domain filter lets other zones through", other)
        everything = await self.tool("list_dns_zones")
        expect(f"UUID: {uuid}" in everything, "the zone is not listed without a filter", everything)

    async def create_record(self, **record):
        text = await self.succeeded("create_dns_record", "DNS record created.", zone_uuid=self.need("zone_uuid"), **record)
        uuid = line_value(text, "uuid")
        expect(uuid, "the answer has no uuid", text)
        return uuid

    async def create_a_record(self):
        self.found["a_record_uuid"] = await self.create_record(record_type="A", name="www", value="203.0.113.10")

    async def create_mx_record(self):
        self.found["mx_record_uuid"] = await self.create_record(
            record_type="mx", name="@", value="mail.agent-demo-shop.com", ttl=7200, priority=10)

    async def bad_a_record(self):
        await self.refused("create_dns_record", 400, ["value"], zone_uuid=self.need("zone_uuid"), record_type="A",
                           name="bad", value="not-an-ip")

    async def mx_without_priority(self):
        await self.refused("create_dns_record", 400, ["priority"], zone_uuid=self.need("zone_uuid"), record_type="MX",
                           name="@", value="mail2.agent-demo-shop.com")

    async def zone_text(self):
        return await self.tool("get_dns_zone", zone_uuid=self.need("zone_uuid"))

    async def get_zone(self):
        self.need("a_record_uuid")
        self.need("mx_record_uuid")
        text = await self.zone_text()
        listed = re.findall(r"^\s+Record UUID: (\S+)$", text, re.MULTILINE)
        expect(line_value(text, "Record count") == str(len(listed)), "the record count is not the records listed", text)
        expect({self.found["a_record_uuid"], self.found["mx_record_uuid"]} <= set(listed), "a record is missing", text)
        expect(re.search(r"^\s+A\s+www\s+-> 203\.0\.113\.10  TTL: 3600$", text, re.MULTILINE), "the A record", text)
        expect(re.search(r"^\s+MX\s+@\s+-> mail\.agent-demo-shop\.com \(priority: 10\)  TTL: 7200$", text, re.MULTILINE),
               "the MX record", text)

    async def update_record(self):
        uuid = self.need("a_record_uuid")
        text = await self.succeeded("update_dns_record", "DNS record updated.", record_uuid=uuid, value="203.0.113.20", ttl=600)
        expect(re.search(r"^\s+value: 203\.0\.113\.20$", text, re.MULTILINE), "the answer lacks the new value", text)
        zone = await self.zone_text()
        expect(re.search(r"^\s+A\s+www\s+-> 203\.0\.113\.20  TTL: 600$", zone, re.MULTILINE),
               "the zone does not show the record changed (name and type kept)", zone)
        await self.refused("update_dns_record", 400, ["value"], record_uuid=uuid, value="2001:db8::1")

    async def delete_record(self):
        uuid = self.need("a_record_uuid")
        await self.succeeded("delete_dns_record", f"DNS record {uuid} deleted.", record_uuid=uuid)
        zone = await self.zone_text()
        expect(uuid not in zone, "the zone still lists the record", zone)
        await self.refused("delete_dns_record", 404, record_uuid=uuid)

    async def delete_zone(self):
        uuid = self.need("zone_uuid")
        await self.succeeded("delete_dns_zone", f"DNS zone {uuid} deleted.", zone_uuid=uuid)
        await self.refused("get_dns_zone", 404, zone_uuid=uuid)

