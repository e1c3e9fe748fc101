import os

import pytest

from hosting_sandbox import Sandbox


def test_connecting_by_url_reaches_the_same_sandbox(sandbox, tenant):
    tenant.advance(60)
    other = Sandbox(sandbox.url).tenant(token=tenant.token, freeze=False)
    assert other.clock() == tenant.clock()
    assert sandbox.health()["status"] == "ok"


def test_a_missing_binary_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="no sandbox binary at .*nothing-here"):
        Sandbox.from_environment(binary=str(tmp_path / "nothing-here"), url="")


def test_a_binary_that_cannot_start_says_why(sandbox):
    binary = os.environ.get("HOSTING_SANDBOX_BIN", ".build/debug/hosting-sandbox")
    with pytest.raises(RuntimeError, match="did not start: .*sideways"):
        Sandbox.start(binary, args=("--clock", "sideways"))


def test_a_configured_tenant_has_its_balance_and_permissions(sandbox):
    tenant = sandbox.tenant(balance=50, permissions=["outgoingMail"])
    [summary] = sandbox.control("GET", "/tenants", token=tenant.token)["tenants"]
    assert summary["balance"] == 50
    assert summary["permissions"] == ["outgoingMail"]
