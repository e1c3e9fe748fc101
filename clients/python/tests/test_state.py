import json

from pathlib import Path

SHOP_SCENARIO = Path(__file__).resolve().parents[3] / "scenarios" / "01-shop.json"


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
    summary = tenant.load_scenario({"version": 1, "tenants": [{"clock": {"mode": "manual", "now": "2030-01-01T00:00:00Z"}}]})
    assert [t["token"] for t in summary["tenants"]] == [tenant.token]
    assert tenant.clock()["now"] == "2030-01-01T00:00:00Z"


def test_sandbox_load_scenario_reads_the_shipped_shop_example(sandbox):
    summary = sandbox.load_scenario(SHOP_SCENARIO)
    [shop_summary] = summary["tenants"]
    # Created on the first load, kept on any later one: the scenario is idempotent.
    vms = {o["name"]: o["id"] for o in shop_summary["created"] + shop_summary["kept"] if o["type"] == "vm"}
    shop = sandbox.tenant(token="shop", freeze=False)

    assert sorted(vm_ids(shop)) == sorted(vms.values())
    web1 = vms["web1.shop.example"]
    config = shop.request("GET", f"/api/v1/datacenter/server/{web1}/config").json()["result"]
    assert config["ips"] == ["185.244.10.11", "2a0e:97c0:3e1::11"]
    assert (config["cpuCores"], config["template"]) == (2, "Debian11")
    status = shop.request("GET", f"/api/v1/datacenter/server/{web1}/status").json()["result"]
    assert status["state"] == "running"


def test_restore_takes_a_snapshot_larger_than_the_request_body_limit(tenant):
    # 20 VMs with daily backups for 90 days: an export of about 1.3 MB, above the 1 MiB
    # --max-body of the emulated APIs; snapshots have their own limit (--max-snapshot, 1 GiB).
    for index in range(20):
        order = {"template": "Debian10.0", "cpuCores": 1, "mem": 1024, "disk": "25G", "ipCount": 1,
                 "hostname": f"large{index}.example.com"}
        assert tenant.request("POST", "/api/v1/datacenter/server", json=order).status == 200
    tenant.advance(3600)
    for vm in vm_ids(tenant):
        task = tenant.request("POST", f"/api/v1/datacenter/server/{vm}/scheduled", json={"command": "BACKUP", "interval": "DAILY"})
        assert task.status == 200, task.text
    tenant.advance(90 * 86400)
    before = {vm: backups(tenant, vm) for vm in vm_ids(tenant)}
    snapshot = tenant.snapshot()
    assert len(json.dumps(snapshot)) > 1024 * 1024

    tenant.reset()
    tenant.restore(snapshot)

    assert {vm: backups(tenant, vm) for vm in vm_ids(tenant)} == before
    # A daily backup for each of the 89 whole days after the task was made, on every VM.
    assert [len(listed) for listed in before.values()] == [89] * 20


def backups(tenant, vm):
    return tenant.request("GET", f"/api/v1/datacenter/server/{vm}/backups/list").json()["result"]
