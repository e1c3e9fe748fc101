'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('hosting-sandbox-testing');
const { orderVM, apiResult } = require('./order');

const current = useSandbox();
const TEMPLATES = '/api/v1/datacenter/templates';

test('failJob ends the job with the given output', async () => {
  const { tenant } = current;
  const job = await orderVM(tenant);
  assert.equal((await tenant.failJob(job, 'disk array on fire')).status, 'failed');
  const read = await apiResult(tenant, `/api/v1/job/${job}`);
  assert.equal(read.status, 'failed');
  assert.match(JSON.stringify(read.output), /disk array on fire/);
});

test('completeJob finishes the job without moving the clock', async () => {
  const { tenant } = current;
  const job = await orderVM(tenant);
  const before = (await tenant.clock()).now;
  assert.equal((await tenant.jobs({ active: true })).jobs[0].id, job);
  assert.equal((await tenant.completeJob(job)).status, 'finished');
  assert.deepEqual((await tenant.jobs({ active: true })).jobs, []);
  assert.equal((await tenant.clock()).now, before);
});

test('a fault answers in place of the API as often as asked', async () => {
  const { tenant } = current;
  const rule = await tenant.addFault({ method: 'GET', path: TEMPLATES, status: 503, times: 2 });
  assert.deepEqual((await tenant.faults()).map((f) => f.id), [rule.id]);
  assert.equal((await tenant.fetch(TEMPLATES)).status, 503);
  assert.equal((await tenant.faults())[0].hits, 1);
  assert.equal((await tenant.fetch(TEMPLATES)).status, 503);
  assert.equal((await tenant.fetch(TEMPLATES)).status, 200);
  assert.deepEqual(await tenant.faults(), []);
});

test('faults can be removed one by one or all at once', async () => {
  const { tenant } = current;
  const first = await tenant.addFault({ path: '/api/v1/*', status: 500 });
  await tenant.addFault({ path: '/api/v1/servers/*', status: 429, retryAfterSeconds: 30 });
  await tenant.removeFault(first.id);
  assert.deepEqual((await tenant.faults()).map((f) => f.status), [429]);
  assert.deepEqual(await tenant.clearFaults(), { removed: 1 });
  assert.deepEqual(await tenant.faults(), []);
  assert.equal((await tenant.fetch(TEMPLATES)).status, 200);
});
