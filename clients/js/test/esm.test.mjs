import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSandbox, Tenant } from '../src/index.mjs';

const current = useSandbox();

test('the ESM entry gives the same helpers', async () => {
  assert.ok(current.tenant instanceof Tenant);
  assert.equal((await current.tenant.advance(5)).mode, 'manual');
});
