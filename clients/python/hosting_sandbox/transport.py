"""JSON over HTTP with the standard library: one request, one answer, no exceptions for 4xx/5xx."""

import json as jsonlib
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict = field(default_factory=dict)

    def json(self):
        return jsonlib.loads(self.body) if self.body else None

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class SandboxError(Exception):
    """A control-plane call the sandbox refused; `status` and `body` say why."""

    def __init__(self, method, path, response):
        self.status = response.status
        self.body = response.text
        super().__init__(f"{method} {path} answered {response.status}: {self.body}")


def send(url, method="GET", json=None, data=None, headers=None, timeout=30):
    """Sends one request. `json` is encoded as JSON; `data` (bytes or str) is sent as is."""
    headers = dict(headers or {})
    if json is not None:
        data = jsonlib.dumps(json).encode()
        headers.setdefault("Content-Type", "application/json")
    elif isinstance(data, str):
        data = data.encode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return Response(answer.status, answer.read(), dict(answer.headers))
    except urllib.error.HTTPError as error:
        with error:
            return Response(error.code, error.read(), dict(error.headers))


def read_document(value):
    """A JSON document given as a dict, or as the path of a JSON file."""
    return value if isinstance(value, dict) else jsonlib.loads(Path(value).read_text())
