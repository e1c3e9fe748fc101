'use strict';
// One sandbox per test file and a fresh tenant per test, in whichever framework runs the file.

const { Sandbox } = require('./sandbox');

/** Registers the hooks and answers `{sandbox, tenant}`, filled in before each test.
 * Uses Jest's (or Vitest's) global beforeAll/afterAll when present, node:test's otherwise;
 * pass `hooks` ({before, after, beforeEach, afterEach}) for any other framework. */
function useSandbox({ hooks = frameworkHooks(), url, binary, tenant: tenantOptions } = {}) {
  const current = { sandbox: null, tenant: null };
  hooks.before(async () => {
    current.sandbox = await Sandbox.fromEnvironment({ url, binary });
  });
  hooks.after(async () => {
    await current.sandbox?.stop();
  });
  hooks.beforeEach(async () => {
    current.tenant = await current.sandbox.tenant(tenantOptions);
  });
  hooks.afterEach(async () => {
    await current.tenant?.reset();
    current.tenant = null;
  });
  return current;
}

function frameworkHooks() {
  const { beforeAll, afterAll, beforeEach, afterEach } = globalThis;
  if (typeof beforeAll === 'function') return { before: beforeAll, after: afterAll, beforeEach, afterEach };
  const test = require('node:test');
  return { before: test.before, after: test.after, beforeEach: test.beforeEach, afterEach: test.afterEach };
}

module.exports = { useSandbox };
