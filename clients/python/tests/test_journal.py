import pytest


def test_assert_requested_finds_what_the_client_sent(tenant, vm_job):
    tenant.request("GET", "/api/v1/job/999999")

    [order] = tenant.assert_requested("POST", "/api/v1/datacenter/server", times=1)
    assert order["requestBody"]["hostname"] == "web1.example.com"
    tenant.assert_requested(path="/api/v1/job/*", status="4xx")
    assert len(tenant.requests(path="/api/v1/")) == 2


def test_assert_requested_fails_naming_what_was_sent_instead(tenant, vm_job):
    with pytest.raises(AssertionError, match=r"expected DELETE /api/v1/datacenter/server at least once, found 0; "
                                             r"recent requests: \['POST /api/v1/datacenter/server -> 200'\]"):
        tenant.assert_requested("DELETE", "/api/v1/datacenter/server")
    with pytest.raises(AssertionError, match="2 time"):
        tenant.assert_requested("POST", times=2)


def test_clear_requests_empties_the_tenants_journal(tenant, vm_job):
    tenant.clear_requests()
    assert tenant.requests() == []
