'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { useSandbox } = require('hosting-sandbox-testing');
const { orderVM, apiResult } = require('./order');

const current = useSandbox();
const SHOP_SCENARIO = path.join(__dirname, '..', '..', '..', 'scenarios', '01-shop.json');

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

test('loadScenario applies a document to this tenant', async () => {
  const { tenant } = current;
  const scenario = { version: 1, tenants: [{ clock: { mode: 'manual', now: '2030-01-01T00:00:00Z' } }] };
  const summary = await tenant.loadScenario(scenario);
  assert.deepEqual(summary.tenants.map((t) => t.token), [tenant.token]);
  assert.equal((await tenant.clock()).now, '2030-01-01T00:00:00Z');
});

test('sandbox.loadScenario reads the shipped shop example', async () => {
  const { sandbox } = current;
  const [shopSummary] = (await sandbox.loadScenario(SHOP_SCENARIO)).tenants;
  // Created on the first load, kept on any later one: the scenario is idempotent.
  const vms = Object.fromEntries([...shopSummary.created, ...shopSummary.kept]
    .filter((object) => object.type === 'vm').map((vm) => [vm.name, vm.id]));
  const shop = await sandbox.tenant({ token: 'shop', freeze: false });

  const byNumber = (a, b) => a - b;
  assert.deepEqual((await apiResult(shop, '/api/v1/datacenter/server')).sort(byNumber), Object.values(vms).sort(byNumber));
  const web1 = vms['web1.shop.example'];
  const config = await apiResult(shop, `/api/v1/datacenter/server/${web1}/config`);
  assert.deepEqual(config.ips, ['185.244.10.11', '2a0e:97c0:3e1::11']);
  assert.deepEqual([config.cpuCores, config.template], [2, 'Debian11']);
  assert.equal((await apiResult(shop, `/api/v1/datacenter/server/${web1}/status`)).state, 'running');
});
