"""The storage-plateau scenario of scripts/bench (BENCH_ONLY=storage): does the database follow
live state rather than history?

A churn that keeps live state constant, on a manual clock: create a VM, let it install, list it, back it
up, let the backup finish, delete the VM, move the clock on (BENCH_STORAGE_STEP seconds of
sandbox time per cycle, default 3600). Run N requests (BENCH_STORAGE_REQUESTS, default 4000)
against one fresh release server and 2N against another, stop each cleanly (SIGTERM), then
compare the file sizes (database + WAL). With the default retention of 7 days the 2N file must
be at most 1.25 times the N file; the same churn with --retention-days 0 (nothing pruned) is
printed beside it for reference, with the rows left and SQLite's free pages.
"""
import http.client
import json
import os
import socket
import sqlite3
import subprocess
import tempfile
import time

TOKEN = "storage-plateau"
VM = {"template": "Debian10.0", "cpuCores": 2, "mem": 2048, "disk": "25G", "ipCount": 1}


class Client:
    """One keep-alive connection, as a test suite's client would hold it."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.sent = 0

    def send(self, method, path, body=None):
        headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
        self.connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        self.sent += 1
        if response.status >= 300:
            raise RuntimeError(f"{method} {path} answered {response.status}: {data[:200]!r}")
        return json.loads(data) if data else None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(port, deadline=10.0):
    start = time.perf_counter()
    while time.perf_counter() - start < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.01)
    raise RuntimeError("the sandbox did not answer")


def churn(client, requests, step):
    """Cycles of six requests until `requests` were sent; returns the number of VMs created."""
    advance = lambda seconds: client.send("POST", "/_sandbox/clock/advance", {"seconds": seconds})
    client.send("POST", "/_sandbox/tenants", {"token": TOKEN, "balance": 1e12})
    cycles = 0
    while client.sent + 6 <= requests:
        client.send("POST", "/api/v1/datacenter/server", VM)
        advance(130)
        vm = client.send("GET", "/api/v1/datacenter/server")["result"][0]
        client.send("PUT", f"/api/v1/datacenter/server/{vm}/backups/create")
        advance(max(400, step - 130))
        client.send("POST", f"/api/v1/datacenter/server/{vm}/delete", {"force": True})
        cycles += 1
    return cycles


def measure(binary, requests, step, retention_days):
    with tempfile.TemporaryDirectory() as folder:
        database = os.path.join(folder, "state.sqlite")
        port = free_port()
        process = subprocess.Popen(
            [binary, "--port", str(port), "--db", database, "--quiet", "--clock", "manual",
             "--retention-days", str(retention_days)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_answering(port)
            client = Client(port)
            begin = time.perf_counter()
            cycles = churn(client, requests, step)
            seconds = time.perf_counter() - begin
        finally:
            process.terminate()
            process.wait()
        wal = database + "-wal"
        size = os.path.getsize(database) + (os.path.getsize(wal) if os.path.exists(wal) else 0)
        with sqlite3.connect(database) as db:
            counts = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                      for table in ("events", "jobs", "virtual_servers", "server_backups")}
            free = db.execute("PRAGMA freelist_count").fetchone()[0]
            pages = db.execute("PRAGMA page_count").fetchone()[0]
        return {"requests": client.sent, "cycles": cycles, "seconds": seconds, "bytes": size,
                "rows": counts, "free": free, "pages": pages}


def run(binary):
    requests = int(os.environ.get("BENCH_STORAGE_REQUESTS", "4000"))
    step = int(os.environ.get("BENCH_STORAGE_STEP", "3600"))
    print(f"storage plateau: churn (create VM, install, back up, delete; {step} s of sandbox time per cycle "
          f"of 6 requests), N = {requests}, file = database + WAL after SIGTERM\n")
    header = f"{'retention':>10} {'requests':>9} {'sim. days':>9} {'req/s':>7} {'file KB':>9} {'free pages':>10}  rows left"
    print(header)
    print("-" * (len(header) + 40))
    ratios = {}
    for days in ("7", "0"):
        sizes = []
        for count in (requests, 2 * requests):
            result = measure(binary, count, step, days)
            sizes.append(result["bytes"])
            rows = ", ".join(f"{table} {number}" for table, number in result["rows"].items())
            label = f"{days} d" if days != "0" else "off"
            print(f"{label:>10} {result['requests']:>9} {result['cycles'] * step / 86400:>9.1f}"
                  f" {result['requests'] / result['seconds']:>7.0f} {result['bytes'] / 1024:>9.0f}"
                  f" {result['free']:>5}/{result['pages']:<5} {rows}")
        ratios[days] = sizes[1] / sizes[0]
    print(f"\nfile(2N) / file(N): {ratios['7']:.2f} with the default retention of 7 days (goal <= 1.25); "
          f"{ratios['0']:.2f} with retention off")
    return ratios["7"]
