import os

import pytest

from hosting_sandbox import Sandbox, SandboxError
from hosting_sandbox.server import DEFAULT_ARGS

BINARY = os.environ.get("HOSTING_SANDBOX_BIN", ".build/debug/hosting-sandbox")


def test_connecting_by_url_reaches_the_same_sandbox(sandbox, tenant):
    tenant.advance(60)
    other = Sandbox(sandbox.url).tenant(token=tenant.token, freeze=False)
    assert other.clock() == tenant.clock()
    assert sandbox.health()["status"] == "ok"


def test_a_missing_binary_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="no sandbox binary at .*nothing-here"):
        Sandbox.from_environment(binary=str(tmp_path / "nothing-here"), url="")


def test_a_binary_that_cannot_start_says_why():
    with pytest.raises(RuntimeError, match="did not start: .*sideways"):
        Sandbox.start(BINARY, args=("--clock", "sideways"))


def test_a_sandbox_with_an_admin_token_is_reached_with_it():
    with Sandbox.start(BINARY, args=(*DEFAULT_ARGS, "--admin-token", "s3cret"), admin_token="s3cret") as guarded:
        assert guarded.tenant().advance(10)["mode"] == "manual"
        with pytest.raises(SandboxError) as refused:
            Sandbox(guarded.url).tenant()
        assert refused.value.status == 401


def test_a_configured_tenant_has_its_balance_and_permissions(sandbox):
    tenant = sandbox.tenant(balance=50, permissions=["outgoingMail"])
    [summary] = sandbox.control("GET", "/tenants", token=tenant.token)["tenants"]
    assert summary["balance"] == 50
    assert summary["permissions"] == ["outgoingMail"]


def test_reset_all_empties_every_tenant():
    with Sandbox.start(BINARY) as own:
        first, second = own.tenant(), own.tenant()
        for tenant in (first, second):
            tenant.add_fault(path="/api/v1/*", status=500)
        own.reset_all()
        assert first.faults() == second.faults() == []
