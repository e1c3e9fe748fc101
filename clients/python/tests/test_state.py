import json

import pytest

from hosting_sandbox import SandboxError

SCENARIOS_MISSING = "this sandbox has no POST /_sandbox/scenarios yet (404)"


def vm_ids(tenant):
    return tenant.request("GET", "/api/v1/datacenter/server").json()["result"]


def test_a_snapshot_restores_the_world_after_a_reset(tenant, vm_job, tmp_path):
    tenant.advance(180)
    before = vm_ids(tenant)
    path = tmp_path / "world.json"
    path.write_text(json.dumps(tenant.snapshot()))

    tenant.reset()
    assert vm_ids(tenant) == []
    tenant.restore(path)

    assert vm_ids(tenant) == before != []


def test_load_scenario_applies_a_document_to_this_tenant(tenant):
    try:
        summary = tenant.load_scenario({"version": 1, "tenants": [{"clock": {"mode": "manual", "now": "2030-01-01T00:00:00Z"}}]})
    except SandboxError as error:
        if error.status == 404:
            pytest.skip(SCENARIOS_MISSING)
        raise
    assert isinstance(summary, dict)
    assert tenant.clock()["now"] == "2030-01-01T00:00:00Z"


def test_sandbox_load_scenario_reads_a_file(sandbox, tenant, tmp_path):
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps({"version": 1, "tenants": [{"token": tenant.token}]}))
    try:
        assert isinstance(sandbox.load_scenario(path), dict)
    except SandboxError as error:
        if error.status == 404:
            pytest.skip(SCENARIOS_MISSING)
        raise
