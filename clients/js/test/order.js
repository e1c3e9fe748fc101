'use strict';

const assert = require('node:assert/strict');

/** Orders a cloud VM (a 122 s install on the tenant's clock); resolves to its job id. */
async function orderVM(tenant) {
  const response = await tenant.fetch('/api/v1/datacenter/server', {
    method: 'POST',
    json: { template: 'Debian10.0', cpuCores: 2, mem: 2048, disk: '25G', ipCount: 1, hostname: 'web1.example.com' },
  });
  assert.equal(response.status, 200);
  return (await response.json()).result.jobId;
}

async function apiResult(tenant, path) {
  return (await (await tenant.fetch(path)).json()).result;
}

module.exports = { orderVM, apiResult };
