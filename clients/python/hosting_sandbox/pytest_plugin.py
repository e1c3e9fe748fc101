"""pytest fixtures: `sandbox` (one per session) and `tenant` (a fresh one per test).

Enable with `-p hosting_sandbox.pytest_plugin` (automatic when the package is pip-installed).
"""

import pytest

from .server import Sandbox


def pytest_addoption(parser):
    group = parser.getgroup("hosting-sandbox")
    group.addoption("--sandbox-url", help="use the sandbox running at this URL (else $HOSTING_SANDBOX_URL)")
    group.addoption("--sandbox-bin", help="start this sandbox binary (else $HOSTING_SANDBOX_BIN or .build/debug/hosting-sandbox)")


@pytest.fixture(scope="session")
def sandbox(request):
    """The sandbox of this test session: connected to, or started (and stopped at the end)."""
    with Sandbox.from_environment(binary=request.config.getoption("sandbox_bin"),
                                  url=request.config.getoption("sandbox_url")) as running:
        yield running


@pytest.fixture
def tenant(sandbox):
    """A tenant no other test sees (a new token), with a frozen clock; reset after the test."""
    fresh = sandbox.tenant()
    yield fresh
    fresh.reset()
