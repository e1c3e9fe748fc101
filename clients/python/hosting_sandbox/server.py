"""A HostingSandbox to test against: one this process starts, or one already running."""

import os
import re
import selectors
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from .tenant import Tenant
from .transport import SandboxError, read_document, send

LISTENING = re.compile(r"listening on (http://\S+)\s")
DEFAULT_ARGS = ("--port", "0", "--db", ":memory:", "--clock", "manual", "--seed", "1", "--quiet")


class Sandbox:
    """A running sandbox at `url`; `tenant()` gives a fresh tenant of it."""

    def __init__(self, url, admin_token=None, process=None):
        self.url = url.rstrip("/")
        self.admin_token = admin_token
        self._process = process

    @classmethod
    def start(cls, binary, args=DEFAULT_ARGS, timeout=30, admin_token=None):
        """Starts `binary` on a free port (manual clocks, seed 1, in-memory database by default)
        and returns once it prints its listening line. `admin_token` is sent to its control
        plane (pass `--admin-token` in `args` too)."""
        log = tempfile.TemporaryFile()
        process = subprocess.Popen([str(binary), *args], stdout=subprocess.PIPE, stderr=log)
        try:
            url = _listening_url(process, timeout)
        except BaseException:
            process.kill()
            process.wait()
            log.seek(0)
            raise RuntimeError(f"{binary} did not start: {log.read().decode(errors='replace').strip()}") from None
        return cls(url, admin_token=admin_token, process=process)

    @classmethod
    def from_environment(cls, binary=None, url=None):
        """Connects to `url` or $HOSTING_SANDBOX_URL if set; otherwise starts `binary`,
        $HOSTING_SANDBOX_BIN or .build/debug/hosting-sandbox."""
        admin_token = os.environ.get("HOSTING_SANDBOX_ADMIN_TOKEN")
        url = url or os.environ.get("HOSTING_SANDBOX_URL")
        if url:
            return cls(url, admin_token=admin_token)
        binary = binary or os.environ.get("HOSTING_SANDBOX_BIN") or ".build/debug/hosting-sandbox"
        if not Path(binary).is_file():
            raise FileNotFoundError(
                f"no sandbox binary at {binary}: build it (swift build) or set HOSTING_SANDBOX_BIN or HOSTING_SANDBOX_URL")
        return cls.start(binary)

    def stop(self):
        """Stops the process this object started (a sandbox it only connected to keeps running)."""
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def tenant(self, token=None, freeze=True, balance=None, permissions=None):
        """A tenant with a new unique token, its clock frozen (manual) unless `freeze=False`."""
        tenant = Tenant(self, token or f"test-{uuid.uuid4().hex}")
        if balance is not None or permissions is not None:
            tenant.configure(balance=balance, permissions=permissions)
        if freeze:
            tenant.freeze()
        return tenant

    def control(self, method, path, token=None, json=None, data=None, timeout=30):
        """Calls `/_sandbox{path}`; answers the decoded JSON or raises SandboxError."""
        headers = {}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if self.admin_token:
            headers["X-Sandbox-Admin-Token"] = self.admin_token
        response = send(f"{self.url}/_sandbox{path}", method, json=json, data=data, headers=headers, timeout=timeout)
        if response.status >= 300:
            raise SandboxError(method, f"/_sandbox{path}", response)
        return response.json()

    def health(self):
        return self.control("GET", "/health")

    def reset_all(self):
        """Resets every tenant, ID sequences included."""
        return self.control("POST", "/reset?all=true")

    def load_scenario(self, scenario):
        """Loads a scenario document (a dict, or the path of a JSON file) for the tenants it names."""
        return self.control("POST", "/scenarios", json=read_document(scenario))


def _listening_url(process, timeout):
    """Reads stdout until the "listening on http://HOST:PORT" line."""
    deadline = time.monotonic() + timeout
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    output = b""
    while (remaining := deadline - time.monotonic()) > 0:
        if not selector.select(remaining):
            break
        chunk = os.read(process.stdout.fileno(), 4096)
        if not chunk:
            raise RuntimeError(f"exited with {process.wait()}")
        output += chunk
        if match := LISTENING.search(output.decode(errors="replace")):
            return match.group(1)
    raise TimeoutError(f"no listening line within {timeout} s")
