"""The noisy-neighbour scenario of scripts/bench (BENCH_ONLY=neighbour): does tenant B wait
while tenant A does long work?

One release server with the manual clock and --retention-days 0 (history kept, so the world
to export is as large as the year makes it). Tenant A gets BENCH_VMS VMs (default 100), each
with a DAILY BACKUP task. Then, one after another, A: advances 365 days; exports everything
(GET /_sandbox/state?all=true, streamed); exports its own world and imports it back
(PUT /_sandbox/state); and finally everything is reset (POST /_sandbox/reset?all=true). During
each, tenant B reads its server list in a loop on one keep-alive connection, and the script
prints B's p50/p99/max latency, how many reads B made, how long A's operation took, and the
server's peak RSS. The goals (issue "Tenants never wait"): B's p99 <= 10 ms and max <= 100 ms,
peak RSS <= 150 MB while exporting.
"""
import http.client
import json
import os
import socket
import statistics
import subprocess
import tempfile
import threading
import time

VMS = int(os.environ.get("BENCH_VMS", "100"))
VM = {"template": "Debian10.0", "cpuCores": 1, "mem": 1024, "disk": "25G", "ipCount": 1}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Client:
    def __init__(self, port, token, timeout=600):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        self.token = token

    def send(self, method, path, body=None, raw=None):
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        payload = raw if raw is not None else (json.dumps(body) if body is not None else None)
        self.connection.request(method, path, body=payload, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        if response.status >= 300:
            raise RuntimeError(f"{method} {path} answered {response.status}: {data[:300]!r}")
        return data


def prepare(port):
    a = Client(port, "neighbour-a")
    for _ in range(VMS):
        a.send("POST", "/api/v1/datacenter/server", VM)
    a.send("POST", "/_sandbox/clock/advance", {"seconds": 130})
    ids = json.loads(a.send("GET", "/api/v1/datacenter/server"))["result"]
    for server in ids:
        a.send("POST", f"/api/v1/datacenter/server/{server}/scheduled", {"command": "BACKUP", "interval": "DAILY"})
    b = Client(port, "neighbour-b")
    b.send("POST", "/api/v1/datacenter/server", VM)
    return a, b


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def reset_peak_rss(pid):
    """Starts the peak (VmHWM) afresh, so each line's peak RSS is its own operation's."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as handle:
            handle.write("5")
    except OSError:
        pass  # not permitted here: the peak then counts from the server's start


def measure(name, b, operation, pid):
    """Runs `operation` (A's) while B reads in a loop; prints B's latencies."""
    latencies, stop = [], threading.Event()

    def reader():
        while not stop.is_set():
            begin = time.perf_counter()
            b.send("GET", "/api/v1/datacenter/server")
            latencies.append((time.perf_counter() - begin) * 1000)

    reset_peak_rss(pid)
    thread = threading.Thread(target=reader)
    thread.start()
    begin = time.perf_counter()
    detail = operation()
    took = time.perf_counter() - begin
    stop.set()
    thread.join()
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"{name:<34} {took:>8.2f} s  B: {len(ordered):>6} reads  p50 {statistics.median(ordered):6.2f} ms  "
          f"p99 {p99:6.2f} ms  max {ordered[-1]:7.2f} ms  peak RSS {peak_rss_mb(pid):6.1f} MB  {detail}")


def run(binary):
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        server = subprocess.Popen(
            [binary, "--port", str(port), "--db", os.path.join(folder, "state.sqlite"), "--quiet",
             "--clock", "manual", "--retention-days", "0", "--max-body", str(512 * 1024 * 1024)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(500):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.01)
            a, b = prepare(port)
            print(f"noisy neighbour: tenant A with {VMS} VMs, each with a DAILY BACKUP task; B reads its server list\n")
            measure("A advances 365 days", b, lambda: a.send("POST", "/_sandbox/clock/advance", {"seconds": 365 * 86400}) and "", server.pid)
            everything = {}

            def export_all():
                everything["bytes"] = a.send("GET", "/_sandbox/state?all=true")
                return f"{len(everything['bytes']) / 1e6:.1f} MB"

            measure("full export (?all=true)", b, export_all, server.pid)
            own = a.send("GET", "/_sandbox/state")
            measure("A imports its own world", b, lambda: a.send("PUT", "/_sandbox/state", raw=own) and f"{len(own) / 1e6:.1f} MB", server.pid)
            measure("reset ?all=true", b, lambda: a.send("POST", "/_sandbox/reset?all=true") and "", server.pid)
            database = os.path.join(folder, "state.sqlite")
            print(f"\ndatabase file after the run: {os.path.getsize(database) / 1e6:.1f} MB")
        finally:
            server.terminate()
            server.wait(timeout=10)
