'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { useSandbox } = require('hosting-sandbox-testing');
const { orderVM } = require('./order');

const current = useSandbox();

test('assertRequested finds what the client sent', async () => {
  const { tenant } = current;
  await orderVM(tenant);
  await tenant.fetch('/api/v1/job/999999');

  const [order] = await tenant.assertRequested({ method: 'POST', path: '/api/v1/datacenter/server', times: 1 });
  assert.equal(order.requestBody.hostname, 'web1.example.com');
  await tenant.assertRequested({ path: '/api/v1/job/*', status: '4xx' });
  assert.equal((await tenant.requests({ path: '/api/v1/' })).length, 2);
});

test('assertRequested fails naming what was sent instead', async () => {
  const { tenant } = current;
  await orderVM(tenant);
  await assert.rejects(tenant.assertRequested({ method: 'DELETE', path: '/api/v1/datacenter/server' }), {
    name: 'AssertionError',
    message: 'expected DELETE /api/v1/datacenter/server at least once, found 0; recent requests: ["POST /api/v1/datacenter/server -> 200"]',
  });
  await assert.rejects(tenant.assertRequested({ method: 'POST', times: 2 }), /2 time/);
});

test('clearRequests empties the tenant\'s journal', async () => {
  const { tenant } = current;
  await orderVM(tenant);
  await tenant.clearRequests();
  assert.deepEqual(await tenant.requests(), []);
});
