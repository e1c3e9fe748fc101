"""The developer's flow: the vps CLI's commands."""
import asyncio
import json
import os
import re
import subprocess
import time

from .steps import PATIENCE, UNKNOWN_UUID, Actor, StepFailed, expect

CLI_TOKEN = "vps_cli_demo"


class Developer(Actor):
    """A developer: the vps CLI run as a command, HOME in a scratch folder, its output checked."""

    def __init__(self, sandbox, report, scratch, venv):
        super().__init__()
        self.sandbox = sandbox
        self.report = report
        self.home = os.path.join(scratch, "home")
        self.project = os.path.join(scratch, "shop-app")
        stand_ins = os.path.join(scratch, "bin")
        for folder in (self.home, self.project, stand_ins):
            os.makedirs(folder)
        with open(os.path.join(stand_ins, "ssh"), "w") as ssh:
            ssh.write('#!/bin/sh\necho "stand-in ssh: $*"\n')
        os.chmod(os.path.join(stand_ins, "ssh"), 0o755)
        self.environment = {**os.environ, "HOME": self.home,
                            "PATH": os.pathsep.join([stand_ins, os.path.join(venv, "bin"), os.environ["PATH"]])}

    def vps(self, *arguments, stdin="", timeout=60):
        """Runs `vps`; returns (exit status, stdout and stderr together)."""
        try:
            done = subprocess.run(["vps", *arguments], cwd=self.project, env=self.environment, input=stdin,
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired as expired:
            raise StepFailed(f"vps {' '.join(arguments)} still ran after {timeout} s: {expired.stdout or ''}")
        return done.returncode, (done.stdout + done.stderr).rstrip()

    def succeeded(self, *arguments, **options):
        status, output = self.vps(*arguments, **options)
        expect(status == 0, f"vps {' '.join(arguments)} exited {status}", output)
        return output

    def raw(self, method, path, body=None):
        return self.sandbox.call(method, f"/api/v1{path}", CLI_TOKEN, body)

    async def run(self):
        step = self.report.step
        await step("cli: a server to deploy to (documented POST /servers/, until active)", self.server)
        await step("cli vps login", self.login)
        await step("cli vps link --server refuses an unknown uuid", self.link_unknown)
        await step("cli vps link (pick the server, write vps.yaml)", self.link)
        await step("cli vps deploy polls until completed", self.deploy)
        await step("cli vps deployments", self.deployments)
        await step("cli vps logs (the latest deployment)", self.logs)
        await step("cli vps logs UUID", self.logs_of)
        await step("cli vps env set", self.env_set)
        await step("cli vps env list (values masked)", self.env_list)
        await step("cli vps env rm", self.env_rm)
        await step("cli vps deploy again keeps the config and the variables set with env set", self.redeploy)
        await step("cli vps ssh runs ssh user@ip", self.ssh)
        await step("cli vps deploy is refused on a stopped server", self.deploy_stopped)

    async def server(self):
        body = {"name": "shop-web", "plan_id": 1, "os_id": 5, "location": "us-west", "hostname": "shop.example.com"}
        status, created = self.raw("POST", "/servers/", body)
        expect(status == 201, f"POST /api/v1/servers/ answered {status}", created)
        self.found["server_id"] = created["id"]
        deadline = time.monotonic() + PATIENCE
        while True:
            status, detail = self.raw("GET", f"/servers/{created['id']}/")
            if status == 200 and detail.get("status") == "active":
                break
            expect(time.monotonic() < deadline, "not active in time", detail)
            await asyncio.sleep(0.25)
        expect(detail.get("uuid") and detail.get("ip_address"), "the detail has no uuid or ip_address", detail)
        self.found["server"] = detail

    async def login(self):
        output = self.succeeded("login", "--token", CLI_TOKEN, "--api-url", self.sandbox.base)
        expect("Logged in successfully. 1 server(s) found." in output, "not logged in", output)
        with open(os.path.join(self.home, ".vps", "config.json")) as file:
            config = json.load(file)
        expect(config == {"api_url": self.sandbox.base, "api_token": CLI_TOKEN}, "~/.vps/config.json", config)
        self.found["logged_in"] = True

    async def link_unknown(self):
        self.need("logged_in")
        status, output = self.vps("link", "--server", UNKNOWN_UUID)
        expect(status == 1 and f"Server {UNKNOWN_UUID} not found." in output, f"exited {status}", output)

    async def link(self):
        server = self.need("server")
        self.need("logged_in")
        # Pick server 1, then answer the vps.yaml template's questions: app name and type.
        output = self.succeeded("link", stdin="1\nshop-app\npython\n")
        expect(f"{server['hostname']} ({server['ip_address']}) — active [{server['uuid'][:8]}]" in output,
               "the server list does not show hostname, IP, status and uuid", output)
        expect(f"Linked to {server['hostname']}" in output, "not linked", output)
        with open(os.path.join(self.project, ".vps-link")) as file:
            link = json.load(file)
        expect(link == {"server_uuid": server["uuid"], "hostname": server["hostname"]}, ".vps-link", link)
        with open(os.path.join(self.project, "vps.yaml")) as file:
            template = file.read()
        expect("type: python" in template and "git_repo: ''" in template, "the vps.yaml template", template)
        # What the user does next, as the CLI tells them: fill in the repository (and an env value).
        with open(os.path.join(self.project, "vps.yaml"), "w") as file:
            file.write(template.replace("git_repo: ''", "git_repo: https://git.example.com/shop/app.git")
                       + "env:\n  APP_ENV: production\n")
        self.found["linked"] = True

    async def deploy(self):
        self.need("linked")
        output = self.succeeded("deploy", "--commit", "3f2c1ab", timeout=120)
        expect("Deploying shop-app (python)..." in output, "no opening line", output)
        started = re.search(r"Deployment ([0-9a-f]{8}) started\.", output)
        expect(started, "no started line", output)
        # The CLI prints its spinner without a newline, so a step may follow it on the same line.
        expect(re.search(r"  OK [^:\n]+: ", output), "no step printed as OK", output)
        expect(re.search(r"Deployment completed successfully in \d+s\.", output), "not completed with a duration", output)
        self.found["deployment_prefix"] = started.group(1)

    async def deployments(self):
        prefix = self.need("deployment_prefix")
        output = self.succeeded("deployments")
        line = next((line for line in output.splitlines() if line.strip().startswith(prefix)), "")
        server = self.found["server"]
        expect("COMPLETED" in line and "shop-app" in line and server["hostname"] in line,
               "the deployment's line lacks status, config name or server hostname", output)
        expect(re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(\d+s\)$", line), "no created time and duration", line)
        status, listed = self.raw("GET", "/deployments/")
        self.found["deployment_uuid"] = next(
            (item["uuid"] for item in listed.get("results", []) if item["uuid"].startswith(prefix)), None)
        expect(self.found["deployment_uuid"], f"GET /deployments/ ({status}) does not list it", listed)

    async def logs(self):
        self.need("deployment_prefix")
        output = self.succeeded("logs")
        steps = re.findall(r"^  OK \[([^\]]+)\] ", output, re.MULTILINE)
        expect(len(steps) >= 3, "fewer than three completed steps logged", output)

    async def logs_of(self):
        uuid = self.need("deployment_uuid")
        output = self.succeeded("logs", uuid)
        expect(re.search(r"^  OK \[[^\]]+\] ", output, re.MULTILINE), "no step logged", output)
        status, output = self.vps("logs", UNKNOWN_UUID)
        expect(status == 1 and output.startswith("Error: "), "an unknown deployment's logs are not refused", output)

    async def env_set(self):
        self.need("deployment_prefix")
        output = self.succeeded("env", "set", "SECRET_KEY=s3cr3t-value", "DEBUG=0")
        expect(output and "Error" not in output, "no message", output)

    async def env_list(self):
        self.need("deployment_prefix")
        output = self.succeeded("env", "list")
        keys = re.findall(r"^  (\w+)=", output, re.MULTILINE)
        expect(keys == ["APP_ENV", "DEBUG", "SECRET_KEY"], "not the variables set (vps.yaml's and env set's)", output)
        expect("s3cr3t-value" not in output and "production" not in output, "values are not masked", output)

    async def env_rm(self):
        self.need("deployment_prefix")
        self.succeeded("env", "rm", "DEBUG")
        output = self.succeeded("env", "list")
        expect("DEBUG" not in output and "SECRET_KEY" in output, "DEBUG is still listed", output)

    async def redeploy(self):
        """The CLI POSTs /deploy-configs/ on every deploy ("create or update"), and `vps env` acts on the
        first config listed for the server: a secret set with `vps env set` must survive a redeploy."""
        self.need("deployment_prefix")
        output = self.succeeded("deploy", timeout=120)
        expect("Deployment completed successfully" in output, "not completed", output)
        output = self.succeeded("env", "list")
        expect(re.findall(r"^  (\w+)=", output, re.MULTILINE) == ["APP_ENV", "SECRET_KEY"], "the variables are gone", output)
        status, configs = self.raw("GET", "/deploy-configs/")
        expect(status == 200 and configs.get("count") == 1, "not one config for the app", configs)

    async def ssh(self):
        server = self.need("server")
        self.need("linked")
        output = self.succeeded("ssh")
        user = server.get("username") or "root"
        expect(f"Connecting to {server['hostname']} ({server['ip_address']})..." in output, "no connecting line", output)
        expect(f"stand-in ssh: {user}@{server['ip_address']}" in output, "ssh did not get user@ip", output)

    async def deploy_stopped(self):
        server_id = self.need("server_id")
        self.need("deployment_prefix")
        status, body = self.raw("POST", f"/servers/{server_id}/stop/")
        expect(status == 200, f"stop answered {status}", body)
        deadline = time.monotonic() + PATIENCE
        while self.raw("GET", f"/servers/{server_id}/")[1].get("status") != "stopped":
            expect(time.monotonic() < deadline, "the server did not stop")
            await asyncio.sleep(0.25)
        status, output = self.vps("deploy", timeout=60)
        # The config is still saved; starting the deployment is what is refused.
        expect(status == 1 and "Error creating deploy config" not in output and re.search(r"^Error: ", output, re.MULTILINE),
               f"vps deploy exited {status}, not refused when starting the deployment", output)

