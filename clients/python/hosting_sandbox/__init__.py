"""Test helpers for HostingSandbox: start or connect to a sandbox, a fresh tenant per test."""

from .server import Sandbox
from .tenant import Tenant
from .transport import Response, SandboxError

__all__ = ["Sandbox", "Tenant", "Response", "SandboxError"]
