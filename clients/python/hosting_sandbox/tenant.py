"""One tenant of a sandbox (one Bearer token): its API, clock, events, jobs, faults,
journal, snapshots and scenarios."""

import time
import urllib.parse
from datetime import datetime, timezone

from .transport import read_document, send


class Tenant:
    def __init__(self, sandbox, token):
        self.sandbox = sandbox
        self.token = token

    def __repr__(self):
        return f"Tenant({self.token!r} at {self.sandbox.url})"

    @property
    def url(self):
        """The base URL to give the client under test."""
        return self.sandbox.url

    @property
    def headers(self):
        return {"Authorization": f"Bearer {self.token}"}

    def request(self, method, path, json=None, data=None, headers=None, timeout=30):
        """Calls the emulated APIs as this tenant, e.g. `request("GET", "/api/v1/job/1")`.
        Answers a Response whatever its status."""
        return send(self.sandbox.url + path, method, json=json, data=data,
                    headers={**self.headers, **(headers or {})}, timeout=timeout)

    def _control(self, method, path, json=None, timeout=30):
        return self.sandbox.control(method, path, token=self.token, json=json, timeout=timeout)

    def configure(self, balance=None, permissions=None):
        """Sets the tenant's balance (EUR) and permissions."""
        fields = {"token": self.token, "balance": balance, "permissions": permissions}
        return self._control("POST", "/tenants", {k: v for k, v in fields.items() if v is not None})

    def reset(self):
        """Empties the tenant (its faults and journal too); it starts afresh on its next request."""
        return self._control("POST", "/reset")

    # The clock

    def clock(self):
        """`{"mode", "now", "scale"}`."""
        return self._control("GET", "/clock")

    def set_clock(self, mode=None, scale=None, now=None):
        fields = {"mode": mode, "scale": scale, "now": _iso(now) if now is not None else None}
        return self._control("PUT", "/clock", {k: v for k, v in fields.items() if v is not None})

    def freeze(self, now=None):
        """Manual clock: time stands still until `advance` or `set_time` (optionally set to `now` at once)."""
        return self.set_clock(mode="manual", now=now)

    def set_time(self, now):
        """Moves the clock forward to `now` (an ISO-8601 text or a datetime), applying what falls due."""
        return self.set_clock(now=now)

    def advance(self, seconds):
        """Moves the clock `seconds` forward, applying everything that falls due, in order."""
        return self._control("POST", "/clock/advance", {"seconds": seconds})

    # Events

    def events(self, after=0, wait=None, limit=None):
        """`{"events": [...], "last": N}` after event id `after`; `wait` long-polls (seconds, at most 60)."""
        query = {"after": after, "wait": wait, "limit": limit}
        timeout = 30 + (wait or 0)
        return self._control("GET", "/events?" + _query(query), timeout=timeout)

    def wait_for_event(self, match=None, timeout=30, after=0, **fields):
        """The first event after `after` that `match(event)` accepts and whose fields equal
        `fields` (e.g. `resourceType="virtual_server", to="running"`); long-polls up to `timeout` real seconds."""
        deadline = time.monotonic() + timeout
        seen = []
        while True:
            remaining = deadline - time.monotonic()
            batch = self.events(after=after, wait=round(min(max(remaining, 0), 60), 3))
            for event in batch["events"]:
                if all(event.get(k) == v for k, v in fields.items()) and (match is None or match(event)):
                    return event
                seen.append(event)
            after = batch["last"]
            if remaining <= 0:
                raise TimeoutError(f"no matching event within {timeout} s; saw {seen[-10:]}")

    # Jobs

    def jobs(self, active=False):
        """`{"now", "jobs": [...], "timers": [...]}`."""
        return self._control("GET", "/jobs" + ("?active=true" if active else ""))

    def complete_job(self, job_id):
        return self._control("POST", f"/jobs/{job_id}/complete")

    def fail_job(self, job_id, output=None):
        return self._control("POST", f"/jobs/{job_id}/fail", {"output": output} if output is not None else {})

    # Faults

    def add_fault(self, **rule):
        """Adds a fault rule, e.g. `add_fault(method="POST", path="/api/v1/datacenter/server", status=503, times=1)`."""
        return self._control("POST", "/faults", rule)

    def faults(self):
        return self._control("GET", "/faults")["faults"]

    def remove_fault(self, fault_id):
        return self._control("DELETE", f"/faults/{fault_id}")

    def clear_faults(self):
        return self._control("DELETE", "/faults")

    # The request journal

    def requests(self, method=None, path=None, status=None, since=None, limit=None):
        """Journaled API requests, newest first. `path` is a prefix, or a pattern with `*`;
        `status` a code or a class such as "4xx"."""
        query = {"method": method, "path": path, "status": status, "since": since, "limit": limit}
        return self._control("GET", "/requests?" + _query(query))["requests"]

    def clear_requests(self):
        return self._control("DELETE", "/requests")

    def assert_requested(self, method=None, path=None, status=None, since=None, times=None):
        """Asserts the client made a matching request (exactly `times` of them if given);
        answers the matching journal entries, newest first."""
        found = self.requests(method=method, path=path, status=status, since=since, limit=10_000)
        wanted = " ".join(str(part) for part in (method, path, status) if part is not None) or "any request"
        if (times is None and not found) or (times is not None and len(found) != times):
            recent = [f"{r['method']} {r['path']} -> {r['status']}" for r in self.requests(limit=10)]
            expected = "at least once" if times is None else f"{times} time(s)"
            raise AssertionError(f"expected {wanted} {expected}, found {len(found)}; recent requests: {recent}")
        return found

    # Snapshots and scenarios

    def snapshot(self):
        """The tenant's world as one JSON document."""
        return self._control("GET", "/state")

    def restore(self, snapshot):
        """Replaces the tenant's world with a snapshot (a dict, or the path of a JSON file)."""
        return self._control("PUT", "/state", read_document(snapshot))

    def load_scenario(self, scenario):
        """Loads a scenario (a dict, or the path of a JSON file); its tenants that name no
        token are this tenant."""
        document = read_document(scenario)
        tenants = [{"token": self.token, **t} for t in document.get("tenants", [])]
        return self.sandbox.load_scenario({**document, "tenants": tenants})


def _iso(moment):
    if isinstance(moment, datetime):
        moment = moment.astimezone(timezone.utc) if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment


def _query(fields):
    return urllib.parse.urlencode({k: v for k, v in fields.items() if v is not None})
