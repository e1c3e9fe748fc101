"""The agent's flow: vps-mcp over stdio, every one of its 26 tools."""
import os
import re
from datetime import timedelta

from .agent_domains import DomainSteps
from .agent_servers import ServerSteps
from .steps import Actor, expect, line_value, wait_until

AGENT_TOKEN = "vps_agent_demo"
# The 26 tools of vps-mcp 0.1.0 (vps_mcp/server.py).
TOOLS = {
    "list_servers", "get_server", "create_server", "delete_server", "server_power", "create_backup",
    "create_snapshot", "resize_server", "list_domains", "get_domain", "search_domains",
    "update_nameservers", "renew_domain", "list_dns_zones", "get_dns_zone", "create_dns_zone",
    "delete_dns_zone", "create_dns_record", "update_dns_record", "delete_dns_record", "list_plans",
    "list_locations", "list_operating_systems", "list_ssh_keys", "add_ssh_key", "delete_ssh_key",
}


class Agent(ServerSteps, DomainSteps, Actor):
    """An AI agent: vps-mcp's tools called over one MCP session, their printed text checked."""

    def __init__(self, session, sandbox, report):
        super().__init__()
        self.session = session
        self.sandbox = sandbox
        self.report = report
        self.called = set()
        self.token = AGENT_TOKEN

    # The tool's name is positional-only: several tools take an argument called `name`.
    async def tool(self, tool, /, **arguments):
        self.called.add(tool)
        result = await self.session.call_tool(tool, arguments, read_timeout_seconds=timedelta(seconds=60))
        text = "\n".join(part.text for part in result.content if getattr(part, "type", "") == "text")
        expect(not result.isError, f"the tool {tool} raised", text)
        return text

    async def succeeded(self, tool, opening, /, **arguments):
        text = await self.tool(tool, **arguments)
        expect(text.startswith(opening), f"{tool} did not print {opening!r}", text)
        return text

    async def succeeded_when_free(self, tool, opening, /, **arguments):
        """As an agent does with "in progress; wait until it has finished": a 409 is asked again until
        the server's earlier work is done (a backup or snapshot does not show in `Status`)."""
        text = await wait_until(lambda: self.tool(tool, **arguments), lambda text: not text.startswith("Error (409)"),
                                f"{tool} accepted")
        expect(text.startswith(opening), f"{tool} did not print {opening!r}", text)
        return text

    async def refused(self, tool, status, fields=(), /, **arguments):
        """The tool printed the API's refusal: `Error (status)` and, for field errors, a line per field;
        an unknown object is DRF's `{"detail": "Not found."}`."""
        text = await self.tool(tool, **arguments)
        expect(re.match(rf"Error \({status}\d*\)", text), f"{tool} was not refused with {status}", text)
        if status == 404:
            expect(text == "Error (404): Not found.", "not DRF's {\"detail\": \"Not found.\"}", text)
        for field in fields:
            expect(re.search(rf"^\s+{field}: \S", text, re.MULTILINE), f"the refusal does not name {field}", text)
        return text

    async def server_text(self, uuid):
        return await self.tool("get_server", server_uuid=uuid)

    async def wait_status(self, uuid, status):
        return await wait_until(lambda: self.server_text(uuid), lambda text: line_value(text, "Status") == status,
                                f"Status: {status}")

    def raw(self, method, path, body=None):
        return self.sandbox.call(method, f"/api/v1{path}", self.token, body)

    async def run(self):
        step = self.report.step
        await step("mcp: the server lists the 26 tools", self.tools_listed)
        await step("mcp list_plans", self.list_plans)
        await step("mcp list_locations", self.list_locations)
        await step("mcp list_operating_systems", self.list_operating_systems)
        await step("mcp add_ssh_key (fingerprint is OpenSSH's SHA256)", self.add_ssh_key)
        await step("mcp add_ssh_key refuses a malformed key", self.add_bad_ssh_key)
        await step("mcp list_ssh_keys", self.list_ssh_keys)
        await step("mcp create_server refuses an unknown plan (names plan)", self.create_unknown_plan)
        await step("mcp create_server names every bad field at once", self.create_all_bad)
        await step("mcp create_server (password printed once)", self.create_server)
        await step("mcp get_server until Status: active", self.until_active)
        await step("mcp get_server and list_servers show no password after create", self.password_once)
        await step("mcp get_server refuses an unknown uuid (404)", self.unknown_server)
        await step("a server ordered with the documented body has a uuid", self.documented_server)
        await step("mcp list_servers pages with page/page_size", self.list_servers_paged)
        await step("mcp server_power refuses start on an active server", self.start_when_active)
        await step("mcp server_power refuses an unknown server (404)", self.power_unknown)
        await step("mcp server_power stop until stopped", lambda: self.power("stop", "stopped"))
        await step("mcp server_power start until active", lambda: self.power("start", "active"))
        await step("mcp server_power restart until active", lambda: self.power("restart", "active"))
        await step("mcp server_power hard_stop until stopped", lambda: self.power("hard_stop", "stopped"))
        await step("mcp server_power start after hard_stop", lambda: self.power("start", "active"))
        await step("mcp create_backup (no body under a JSON content type)", self.backup)
        await step("mcp create_snapshot with a label", lambda: self.snapshot("before-resize"))
        await step("mcp create_snapshot without a label", lambda: self.snapshot(None))
        await step("mcp resize_server until the detail shows the new plan", self.resize)
        await step("mcp resize_server refuses an unknown plan (names plan)", self.resize_unknown_plan)
        await step("mcp search_domains: a free name is available, with a price", self.search_free)
        await step("POST /domains/ registers a domain and charges the balance", self.register_domain)
        await step("mcp search_domains: a registered name is unavailable", self.search_taken)
        await step("mcp list_domains", self.list_domains)
        await step("mcp get_domain", self.get_domain)
        await step("mcp get_domain refuses an unknown uuid (404)", self.unknown_domain)
        await step("mcp update_nameservers", self.update_nameservers)
        await step("mcp update_nameservers refuses a single nameserver", self.one_nameserver)
        await step("mcp renew_domain moves the expiration and charges", self.renew_domain)
        await step("mcp create_dns_zone", self.create_zone)
        await step("mcp list_dns_zones with ?domain=", self.list_zones)
        await step("mcp create_dns_record A", self.create_a_record)
        await step("mcp create_dns_record MX with a priority", self.create_mx_record)
        await step("mcp create_dns_record refuses an A record whose value is no IPv4", self.bad_a_record)
        await step("mcp create_dns_record refuses an MX record without a priority", self.mx_without_priority)
        await step("mcp get_dns_zone shows the records and their count", self.get_zone)
        await step("mcp update_dns_record (partial)", self.update_record)
        await step("mcp delete_dns_record", self.delete_record)
        await step("mcp delete_dns_zone", self.delete_zone)
        await step("mcp delete_server (the agent's server)", lambda: self.delete_server("server_uuid"))
        await step("mcp delete_server (the documented-body server, by uuid)", lambda: self.delete_server("documented_uuid"))
        await step("mcp delete_ssh_key", self.delete_ssh_key)
        await step("mcp: every one of the 26 tools was called", self.all_called)

    async def tools_listed(self):
        names = {tool.name for tool in (await self.session.list_tools()).tools}
        expect(names == TOOLS, "the tools differ from vps-mcp 0.1.0's 26",
               f"missing {sorted(TOOLS - names)}, extra {sorted(names - TOOLS)}")


    async def all_called(self):
        expect(self.called == TOOLS, "tools never called", sorted(TOOLS - self.called))


async def drive_agent(sandbox, report, scratch, venv):
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    parameters = StdioServerParameters(
        command=os.path.join(venv, "bin", "vps-mcp"),
        env={"VPS_API_TOKEN": AGENT_TOKEN, "VPS_API_URL": f"{sandbox.base}/api/v1", "PATH": os.environ["PATH"]})
    log_path = os.path.join(scratch, "vps-mcp.log")
    with open(log_path, "w") as log:
        try:
            async with stdio_client(parameters, errlog=log) as (read, write):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    await Agent(session, sandbox, report).run()
        except Exception as error:
            with open(log_path) as written:
                report.fail("mcp: the stdio session", f"{type(error).__name__}: {error}; vps-mcp's log: {written.read()[-600:]}")

