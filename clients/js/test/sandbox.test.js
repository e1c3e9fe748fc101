'use strict';

const { test, before, after, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const { Sandbox, DEFAULT_ARGS, SandboxError, useSandbox } = require('hosting-sandbox-testing');

// The hooks passed in as a Jest suite would pass beforeAll/afterAll.
const current = useSandbox({ hooks: { before, after, beforeEach, afterEach } });
const binary = process.env.HOSTING_SANDBOX_BIN ?? '.build/debug/hosting-sandbox';

test('connecting by URL reaches the same sandbox', async () => {
  const { sandbox, tenant } = current;
  await tenant.advance(60);
  const other = await new Sandbox(sandbox.url).tenant({ token: tenant.token, freeze: false });
  assert.deepEqual(await other.clock(), await tenant.clock());
  assert.equal((await sandbox.health()).status, 'ok');
});

test('a missing binary is named', async () => {
  await assert.rejects(Sandbox.fromEnvironment({ url: '', binary: '/nothing-here' }), /no sandbox binary at \/nothing-here/);
});

test('a binary that cannot start says why', async () => {
  await assert.rejects(Sandbox.start(binary, { args: ['--clock', 'sideways'] }), /did not start: exited with 1: .*sideways/);
});

test('a sandbox with an admin token is reached with it', async () => {
  const guarded = await Sandbox.start(binary, { args: [...DEFAULT_ARGS, '--admin-token', 's3cret'], adminToken: 's3cret' });
  try {
    assert.equal((await (await guarded.tenant()).advance(10)).mode, 'manual');
    await assert.rejects(new Sandbox(guarded.url).tenant(), (error) => error instanceof SandboxError && error.status === 401);
  } finally {
    await guarded.stop();
  }
});

test('resetAll empties every tenant', async () => {
  const own = await Sandbox.start(binary);
  try {
    const tenants = [await own.tenant(), await own.tenant()];
    for (const tenant of tenants) await tenant.addFault({ path: '/api/v1/*', status: 500 });
    await own.resetAll();
    for (const tenant of tenants) assert.deepEqual(await tenant.faults(), []);
  } finally {
    await own.stop();
  }
});

test('a configured tenant has its balance and permissions', async () => {
  const { sandbox } = current;
  const tenant = await sandbox.tenant({ balance: 50, permissions: ['outgoingMail'] });
  const { tenants } = await sandbox.control('GET', '/tenants', { token: tenant.token });
  assert.equal(tenants[0].balance, 50);
  assert.deepEqual(tenants[0].permissions, ['outgoingMail']);
});

test('useSandbox registers on Jest\'s global hooks when they exist', () => {
  const registered = [];
  const names = ['beforeAll', 'afterAll', 'beforeEach', 'afterEach'];
  for (const name of names) globalThis[name] = () => registered.push(name);
  try {
    useSandbox();
  } finally {
    for (const name of names) delete globalThis[name];
  }
  assert.deepEqual(registered, names);
});
