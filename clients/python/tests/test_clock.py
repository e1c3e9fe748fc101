from datetime import datetime, timezone

import pytest

from hosting_sandbox import SandboxError


def test_each_test_gets_a_fresh_tenant_with_a_frozen_clock(sandbox, tenant):
    assert tenant.token != sandbox.tenant().token
    assert tenant.clock()["mode"] == "manual"
    assert tenant.clock()["now"] == tenant.clock()["now"]
    assert tenant.jobs()["jobs"] == []


def test_advance_moves_the_clock_and_applies_what_falls_due(tenant, vm_job):
    before = tenant.clock()["now"]
    assert tenant.request("GET", f"/api/v1/job/{vm_job}").json()["result"]["status"] == "queued"

    after = tenant.advance(180)

    assert after["now"] > before
    job = tenant.request("GET", f"/api/v1/job/{vm_job}").json()["result"]
    assert job["status"] == "finished"
    assert job["progress"] == 100


def test_set_time_moves_the_clock_to_a_datetime(tenant):
    tenant.set_time(datetime(2031, 5, 4, 3, 2, 1, tzinfo=timezone.utc))
    assert tenant.clock()["now"] == "2031-05-04T03:02:01Z"


def test_a_refused_clock_change_raises_with_the_sandbox_reason(tenant):
    with pytest.raises(SandboxError) as refused:
        tenant.set_clock(scale=0)
    assert refused.value.status == 400
    assert "scale" in refused.value.body
