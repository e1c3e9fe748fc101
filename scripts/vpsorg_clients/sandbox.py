"""The sandbox the script starts, and raw requests for what no client sends."""
import json
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request

from .steps import expect


class Sandbox:
    def __init__(self, binary, time_scale, cwd):
        self.process = subprocess.Popen(
            [binary, "--port", "0", "--db", ":memory:", "--clock", "realtime", "--time-scale", time_scale,
             "--seed", "1", "--quiet"],
            cwd=cwd, stdout=subprocess.PIPE, stderr=sys.stderr, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
        if not match:
            self.stop()
            sys.exit(f"the sandbox did not start: {line!r}")
        self.base = match.group(1)
        # Whatever else it prints must not fill the pipe and block it.
        threading.Thread(target=self.process.stdout.read, daemon=True).start()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def call(self, method, path, token, body=None):
        """A raw request, for what no client sends; returns (status, decoded body or text)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base + path, data=data, method=method,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        try:
            return status, json.loads(raw) if raw else None
        except ValueError:
            return status, raw.decode(errors="replace")

    def balance(self, token):
        status, body = self.call("GET", "/_sandbox/tenants", token)
        expect(status == 200, f"GET /_sandbox/tenants answered {status}", body)
        balance = next((tenant["balance"] for tenant in body["tenants"] if tenant["token"] == token), None)
        expect(balance is not None, "the tenant is not listed", body)
        return balance

