import threading
import time

import pytest


def test_wait_for_event_finds_an_event_that_already_happened(tenant, vm_job):
    tenant.advance(180)
    event = tenant.wait_for_event(resourceType="virtual_server", to="running", timeout=5)
    assert event["from"] == "installing"
    assert event["jobId"] == vm_job


def test_wait_for_event_long_polls_until_the_clock_moves(tenant, vm_job):
    mover = threading.Timer(0.3, tenant.advance, args=(180,))
    mover.start()
    started = time.monotonic()
    event = tenant.wait_for_event(lambda e: e["resourceType"] == "job" and e["to"] == "finished", timeout=20)
    mover.join()
    assert event["resourceId"] == vm_job
    assert time.monotonic() - started < 10


def test_wait_for_event_gives_up_after_its_timeout(tenant, vm_job):
    with pytest.raises(TimeoutError, match="no matching event"):
        tenant.wait_for_event(to="running", timeout=0.5)
