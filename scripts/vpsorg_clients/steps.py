"""The steps' vocabulary: a failed check, the report of ok/FAIL lines, what one step leaves the next,
and reading the clients' printed text."""
import asyncio
import re
import time

# Real seconds to wait for work that takes minutes on the sandbox clock.
PATIENCE = 30
UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000"


class StepFailed(Exception):
    pass


def flat(text, limit=900):
    """One line of about `limit` characters, so that each step stays one line; a long text keeps its
    start (what failed) and its end (a traceback's last line says why)."""
    line = " | ".join(part.rstrip() for part in str(text).strip().splitlines() if part.strip())
    return line if len(line) <= limit else line[:limit // 3] + " ... " + line[-(limit * 2 // 3):]


def expect(condition, why, output=""):
    if not condition:
        raise StepFailed(f"{why}: {output}" if output != "" else why)


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self, name):
        self.passed += 1
        print(f"ok {name}", flush=True)

    def fail(self, name, why):
        self.failed += 1
        print(f"FAIL {name}: {flat(why)}", flush=True)

    async def step(self, name, action):
        try:
            await action()
            self.ok(name)
        except StepFailed as failure:
            self.fail(name, str(failure))
        except Exception as error:  # a client crash is a failed step, not the end of the run
            self.fail(name, f"{type(error).__name__}: {error}")



class Actor:
    """A user of one client: what earlier steps found, and what a later one needs of it."""

    def __init__(self):
        self.found = {}

    def need(self, key):
        if self.found.get(key) is None:
            raise StepFailed(f"needs the {key.replace('_', ' ')} an earlier step did not give")
        return self.found[key]


def line_value(text, label):
    """The value of the first `Label: value` line of a client's text, or None."""
    match = re.search(rf"^\s*{re.escape(label)}: (.+?)\s*$", text, re.MULTILINE)
    return match.group(1) if match else None


def blocks(text):
    """The items of a formatted list: the clients separate them with blank lines."""
    return [block for block in text.split("\n\n") if block.strip() and not block.strip().startswith("Page ")]


async def wait_until(read, done, what):
    deadline = time.monotonic() + PATIENCE
    while True:
        text = await read()
        if done(text):
            return text
        if time.monotonic() > deadline:
            raise StepFailed(f"{what} not seen within {PATIENCE} s; last answer: {text}")
        await asyncio.sleep(0.25)

