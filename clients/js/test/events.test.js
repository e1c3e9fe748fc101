'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('hosting-sandbox-testing');
const { orderVM } = require('./order');

const current = useSandbox();

test('waitForEvent finds an event that already happened', async () => {
  const { tenant } = current;
  const job = await orderVM(tenant);
  await tenant.advance(180);
  const event = await tenant.waitForEvent({ resourceType: 'virtual_server', to: 'running' }, { timeout: 5 });
  assert.equal(event.from, 'installing');
  assert.equal(event.jobId, job);
});

test('waitForEvent long-polls until the clock moves', async () => {
  const { tenant } = current;
  const job = await orderVM(tenant);
  const started = Date.now();
  const waiting = tenant.waitForEvent((e) => e.resourceType === 'job' && e.to === 'finished', { timeout: 20 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  await tenant.advance(180);
  assert.equal((await waiting).resourceId, job);
  assert.ok(Date.now() - started < 10000);
});

test('waitForEvent gives up after its timeout', async () => {
  const { tenant } = current;
  await orderVM(tenant);
  await assert.rejects(tenant.waitForEvent({ to: 'running' }, { timeout: 0.5 }), /no matching event within 0.5 s/);
});
