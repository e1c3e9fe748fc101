import pytest

VM_ORDER = {"template": "Debian10.0", "cpuCores": 2, "mem": 2048, "disk": "25G", "ipCount": 1,
            "hostname": "web1.example.com"}


@pytest.fixture
def vm_job(tenant):
    """Orders a cloud VM (a 122 s install on the tenant's clock) and answers its job id."""
    answer = tenant.request("POST", "/api/v1/datacenter/server", json=VM_ORDER)
    assert answer.status == 200, answer.text
    return answer.json()["result"]["jobId"]
