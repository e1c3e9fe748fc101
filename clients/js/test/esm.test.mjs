import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { useSandbox, Tenant, Sandbox } from 'hosting-sandbox-testing';

const current = useSandbox();

test('the ESM entry gives the same classes as the CommonJS one', async () => {
  assert.equal(Sandbox, createRequire(import.meta.url)('hosting-sandbox-testing').Sandbox);
  assert.ok(current.tenant instanceof Tenant);
  assert.equal((await current.tenant.advance(5)).mode, 'manual');
});
