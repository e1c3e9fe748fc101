'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox, SandboxError } = require('hosting-sandbox-testing');
const { orderVM, apiResult } = require('./order');

const current = useSandbox();

test('each test gets a fresh tenant with a frozen clock', async () => {
  const { sandbox, tenant } = current;
  assert.notEqual(tenant.token, (await sandbox.tenant()).token);
  const clock = await tenant.clock();
  assert.equal(clock.mode, 'manual');
  assert.deepEqual(await tenant.clock(), clock);
  assert.deepEqual((await tenant.jobs()).jobs, []);
});

test('advance moves the clock and applies what falls due', async () => {
  const { tenant } = current;
  const job = await orderVM(tenant);
  assert.equal((await apiResult(tenant, `/api/v1/job/${job}`)).status, 'queued');

  const before = (await tenant.clock()).now;
  const after = await tenant.advance(180);

  assert.ok(after.now > before);
  const finished = await apiResult(tenant, `/api/v1/job/${job}`);
  assert.equal(finished.status, 'finished');
  assert.equal(finished.progress, 100);
});

test('setTime moves the clock to a Date', async () => {
  const { tenant } = current;
  await tenant.setTime(new Date(Date.UTC(2031, 4, 4, 3, 2, 1)));
  assert.equal((await tenant.clock()).now, '2031-05-04T03:02:01Z');
});

test('a refused clock change rejects with the sandbox reason', async () => {
  await assert.rejects(current.tenant.setClock({ scale: 0 }), (error) => {
    assert.ok(error instanceof SandboxError);
    assert.equal(error.status, 400);
    assert.match(error.body, /scale/);
    return true;
  });
});
