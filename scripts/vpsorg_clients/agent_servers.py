"""The agent's steps on catalogues, SSH keys and servers (the methods of Agent that concern them)."""
import re

from .steps import UNKNOWN_UUID, blocks, expect, line_value, wait_until

# A real OpenSSH key and its fingerprint as `ssh-keygen -lf` printed it.
PUBLIC_KEY = ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKAUgW7WnmC/Xu4cR87fJ+7tWfWIKxveW17/kZzWyf/q "
              "agent@laptop")
FINGERPRINT = "SHA256:DxnM/0ZEHmgCcrSUkqoTvpfVTRXfm1mOwnFrNWnByv4"


class ServerSteps:
    async def list_plans(self):
        text = await self.tool("list_plans")
        plans = []
        for block in blocks(text):
            uuid, cpu = line_value(block, "UUID"), line_value(block, "CPU")
            for label in ("UUID", "CPU", "RAM", "Disk", "Transfer", "Price", "Hourly"):
                expect(line_value(block, label), f"a plan has no {label} line", block)
            plans.append((uuid, line_value(block, "RAM"), cpu))
        expect(plans, "no plan listed", text)
        self.found["plan_uuid"] = plans[0][0]
        self.found["plan_specs"] = plans[0][1:]
        bigger = [plan for plan in plans if plan[1:] != plans[0][1:]]
        expect(bigger, "no second plan with other specs to resize to", text)
        self.found["resize_plan_uuid"] = bigger[0][0]
        self.found["resize_specs"] = bigger[0][1:]

    async def list_locations(self):
        text = await self.tool("list_locations")
        locations = blocks(text)
        expect(locations, "no location listed", text)
        for block in locations:
            for label in ("ID", "Country", "Active"):
                expect(line_value(block, label), f"a location has no {label} line", block)
            expect(re.fullmatch(r"\d+", line_value(block, "ID")), "a location's ID is not an integer", block)
            expect(re.fullmatch(r".+ \([A-Z]{2}\)", line_value(block, "Country")),
                   "a location's country has no two-letter code", block)
        active = [block for block in locations if line_value(block, "Active") == "True"]
        expect(active, "no active location", text)
        self.found["location_id"] = int(line_value(active[0], "ID"))

    async def list_operating_systems(self):
        text = await self.tool("list_operating_systems")
        versions = re.findall(r"^\s+Version: (.+) \(UUID: ([0-9a-fA-F-]{36})\)$", text, re.MULTILINE)
        expect(versions, "no OS version with a uuid listed", text)
        for block in blocks(text):
            expect(line_value(block, "UUID"), "an OS has no UUID line", block)
        ubuntu = [uuid for name, uuid in versions if "Ubuntu" in name] or [versions[0][1]]
        self.found["os_version_uuid"] = ubuntu[0]

    async def add_ssh_key(self):
        text = await self.succeeded("add_ssh_key", "SSH key added.", name="agent-laptop", public_key=PUBLIC_KEY)
        expect(line_value(text, "Fingerprint") == FINGERPRINT, f"the fingerprint is not {FINGERPRINT}", text)
        expect(line_value(text, "Created"), "no Created line", text)
        self.found["ssh_key_uuid"] = line_value(text, "UUID")
        expect(self.found["ssh_key_uuid"], "no UUID line", text)

    async def add_bad_ssh_key(self):
        await self.refused("add_ssh_key", 400, ["public_key"], name="broken", public_key="ssh-ed25519 not-base64!")

    async def list_ssh_keys(self):
        uuid = self.need("ssh_key_uuid")
        text = await self.tool("list_ssh_keys")
        expect("SSH Key: agent-laptop" in text and f"UUID: {uuid}" in text, "the key is not listed", text)

    def server_body(self, **changes):
        body = dict(hostname="agent-web-01", location_id=self.need("location_id"), plan_uuid=self.need("plan_uuid"),
                    os_version_uuid=self.need("os_version_uuid"))
        body.update(changes)
        return body

    async def create_unknown_plan(self):
        await self.refused("create_server", 400, ["plan"], **self.server_body(plan_uuid=UNKNOWN_UUID))

    async def create_all_bad(self):
        await self.refused("create_server", 400, ["plan", "os_version", "location"],
                           **self.server_body(plan_uuid=UNKNOWN_UUID, os_version_uuid=UNKNOWN_UUID, location_id=999999))

    async def create_server(self):
        # Without the key (its step failed) the server is made all the same, so that the steps after
        # this one still say what they can; this step fails then.
        key = self.found.get("ssh_key_uuid")
        text = await self.succeeded("create_server", "Server creation initiated.",
                                    **self.server_body(**({"ssh_key_ids": [key]} if key else {})))
        self.found["server_uuid"] = line_value(text, "UUID")
        expect(self.found["server_uuid"], "no UUID line", text)
        expect("Server: agent-web-01" in text, "the hostname is not shown", text)
        expect(line_value(text, "Status"), "no Status line", text)
        expect(line_value(text, "Password"), "the root password is not printed", text)
        expect(key, "made without an SSH key: add_ssh_key gave none")

    async def until_active(self):
        text = await self.wait_status(self.need("server_uuid"), "active")
        for label in ("IPv4", "Location", "Plan", "OS", "Created"):
            expect(line_value(text, label), f"the active server has no {label} line", text)
        self.found["plan_line"] = line_value(text, "Plan")

    async def password_once(self):
        uuid = self.need("server_uuid")
        detail = await self.server_text(uuid)
        listed = await self.tool("list_servers")
        expect(f"UUID: {uuid}" in listed, "list_servers does not show the server", listed)
        expect("Password" not in detail and "Password" not in listed, "the password is shown again", detail + listed)
        status, body = self.raw("GET", f"/servers/{uuid}/")
        expect(status == 200 and "password" not in body, f"GET /servers/{uuid}/ answered {status} with a password", body)

    async def unknown_server(self):
        await self.refused("get_server", 404, server_uuid=UNKNOWN_UUID)

    async def documented_server(self):
        body = {"name": "legacy-web", "plan_id": 1, "os_id": 5, "location": "us-west", "hostname": "legacy.example.com"}
        status, created = self.raw("POST", "/servers/", body)
        expect(status == 201 and isinstance(created.get("id"), int), f"POST /servers/ with the documented body answered {status}",
               created)
        status, by_id = self.raw("GET", f"/servers/{created['id']}/")
        expect(status == 200 and by_id.get("uuid"), f"GET /servers/{created['id']}/ answered {status} without a uuid", by_id)
        self.found["documented_uuid"] = by_id["uuid"]
        text = await self.server_text(by_id["uuid"])
        expect("Server: legacy.example.com" in text, "get_server by uuid does not show it", text)

    async def list_servers_paged(self):
        self.need("server_uuid")
        self.need("documented_uuid")
        first = await self.tool("list_servers", page=1, page_size=1)
        second = await self.tool("list_servers", page=2, page_size=1)
        expect("Page 1 of 2 (2 total)" in first, "page 1 of 2 not shown", first)
        expect("Page 2 of 2 (2 total)" in second, "page 2 of 2 not shown", second)
        uuids = {line_value(first, "UUID"), line_value(second, "UUID")}
        expect(uuids == {self.found["server_uuid"], self.found["documented_uuid"]}, "the pages do not hold both servers",
               first + "\n" + second)
        for label in ("Status", "Location", "Plan", "OS"):
            expect(line_value(first, label), f"a listed server has no {label} line", first)

    async def start_when_active(self):
        await self.refused("server_power", "4", server_uuid=self.need("server_uuid"), action="start")

    async def power_unknown(self):
        await self.refused("server_power", 404, server_uuid=UNKNOWN_UUID, action="stop")

    async def power(self, action, then):
        uuid = self.need("server_uuid")
        await self.succeeded("server_power", f"Power action '{action}' sent to server {uuid}.", server_uuid=uuid, action=action)
        await self.wait_status(uuid, then)

    async def backup(self):
        uuid = self.need("server_uuid")
        text = await self.succeeded_when_free("create_backup", f"Backup initiated for server {uuid}.", server_uuid=uuid)
        expect(text.count(": ") >= 1, "the answer says nothing about the work", text)
        await self.wait_status(uuid, "active")

    async def snapshot(self, label):
        uuid = self.need("server_uuid")
        arguments = {"label": label} if label else {}
        text = await self.succeeded_when_free("create_snapshot", f"Snapshot initiated for server {uuid}.", server_uuid=uuid, **arguments)
        # No tool reads a snapshot back, so the label is not looked for; the answer says what the work is.
        expect(text.count(": ") >= 1, "the answer says nothing about the work", text)
        await self.wait_status(uuid, "active")

    async def resize_unknown_plan(self):
        await self.refused("resize_server", 400, ["plan"], server_uuid=self.need("server_uuid"), new_plan_uuid=UNKNOWN_UUID)

    async def resize(self):
        uuid, target = self.need("server_uuid"), self.need("resize_plan_uuid")
        before = self.need("plan_line")
        await self.succeeded_when_free("resize_server", f"Resize initiated for server {uuid}.", server_uuid=uuid, new_plan_uuid=target)
        await wait_until(lambda: self.server_text(uuid),
                                lambda text: line_value(text, "Plan") not in (None, before)
                                and line_value(text, "Status") == "active", "the new plan, active")
        status, detail = self.raw("GET", f"/servers/{uuid}/")
        ram, cpu = self.found["resize_specs"]
        plan = detail.get("plan") if isinstance(detail, dict) else None
        expect(isinstance(plan, dict), f"the detail has no plan object ({status})", detail)
        expect(f"{plan.get('ram')} {plan.get('ram_unit')}" == ram and f"{plan.get('cpu')} vCPUs" == cpu.split(" (")[0],
               f"the detail's plan is not the one resized to ({ram}, {cpu})", plan)
        expect(all(key in plan for key in ("id", "name", "vcpus", "memory", "storage", "disk_space")),
               "the plan object lacks documented keys or disk_space", plan)


    async def delete_server(self, key):
        uuid = self.need(key)
        await self.succeeded("delete_server", f"Server {uuid} has been deleted.", server_uuid=uuid)
        await self.refused("get_server", 404, server_uuid=uuid)

    async def delete_ssh_key(self):
        uuid = self.need("ssh_key_uuid")
        await self.succeeded("delete_ssh_key", f"SSH key {uuid} deleted.", ssh_key_uuid=uuid)
        text = await self.tool("list_ssh_keys")
        expect(uuid not in text, "the key is still listed", text)

