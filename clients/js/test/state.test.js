'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { useSandbox, SandboxError } = require('hosting-sandbox-testing');
const { orderVM, apiResult } = require('./order');

const current = useSandbox();
const SCENARIOS_MISSING = 'this sandbox has no POST /_sandbox/scenarios yet (404)';

/** Runs `load`; skips the test when the sandbox has no scenario route yet. */
async function loadingScenario(t, load) {
  try {
    return await load();
  } catch (error) {
    if (error instanceof SandboxError && error.status === 404) return t.skip(SCENARIOS_MISSING);
    throw error;
  }
}

function temporaryJSON(name, value) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-js-')), name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

test('a snapshot restores the world after a reset', async () => {
  const { tenant } = current;
  await orderVM(tenant);
  await tenant.advance(180);
  const before = await apiResult(tenant, '/api/v1/datacenter/server');
  const file = temporaryJSON('world.json', await tenant.snapshot());

  await tenant.reset();
  assert.deepEqual(await apiResult(tenant, '/api/v1/datacenter/server'), []);
  await tenant.restore(file);

  assert.notDeepEqual(before, []);
  assert.deepEqual(await apiResult(tenant, '/api/v1/datacenter/server'), before);
});

test('loadScenario applies a document to this tenant', async (t) => {
  const { tenant } = current;
  const scenario = { version: 1, tenants: [{ clock: { mode: 'manual', now: '2030-01-01T00:00:00Z' } }] };
  const summary = await loadingScenario(t, () => tenant.loadScenario(scenario));
  if (summary === undefined) return;
  assert.equal(typeof summary, 'object');
  assert.equal((await tenant.clock()).now, '2030-01-01T00:00:00Z');
});

test('sandbox.loadScenario reads a file', async (t) => {
  const { sandbox, tenant } = current;
  const file = temporaryJSON('scenario.json', { version: 1, tenants: [{ token: tenant.token }] });
  const summary = await loadingScenario(t, () => sandbox.loadScenario(file));
  if (summary === undefined) return;
  assert.equal(typeof summary, 'object');
});
