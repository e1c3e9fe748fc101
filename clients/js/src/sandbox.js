'use strict';
// A HostingSandbox to test against: one this process starts, or one already running.

const { spawn } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const fs = require('node:fs');
const { Tenant } = require('./tenant');
const { callControl, readDocument } = require('./control');

const LISTENING = /listening on (http:\/\/\S+)\s/;
const DEFAULT_ARGS = ['--port', '0', '--db', ':memory:', '--clock', 'manual', '--seed', '1', '--quiet'];

class Sandbox {
  constructor(url, { adminToken, process } = {}) {
    this.url = url.replace(/\/+$/, '');
    this.adminToken = adminToken;
    this.process = process;
  }

  /** Starts `binary` on a free port (manual clocks, seed 1, in-memory database by default)
   * and resolves once it prints its listening line. `adminToken` is sent to its control
   * plane (pass `--admin-token` in `args` too). */
  static start(binary, { args = DEFAULT_ARGS, timeoutSeconds = 30, adminToken } = {}) {
    return new Promise((resolve, reject) => {
      const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      let errors = '';
      const fail = (reason) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`${binary} did not start: ${reason}`));
      };
      const timer = setTimeout(() => fail(`no listening line within ${timeoutSeconds} s`), timeoutSeconds * 1000);
      child.stderr.on('data', (chunk) => { errors += chunk; });
      child.on('error', (error) => fail(error.message));
      child.on('exit', (code) => fail(`exited with ${code}: ${errors.trim()}`));
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = LISTENING.exec(output);
        if (!match) return;
        clearTimeout(timer);
        child.removeAllListeners('exit').removeAllListeners('error');
        child.stdout.removeAllListeners('data').resume();
        child.stderr.removeAllListeners('data').resume();
        resolve(new Sandbox(match[1], { adminToken, process: child }));
      });
    });
  }

  /** Connects to `url` or $HOSTING_SANDBOX_URL if set; otherwise starts `binary`,
   * $HOSTING_SANDBOX_BIN or .build/debug/hosting-sandbox. */
  static async fromEnvironment({ url, binary } = {}) {
    const adminToken = process.env.HOSTING_SANDBOX_ADMIN_TOKEN;
    url = url ?? process.env.HOSTING_SANDBOX_URL;
    if (url) return new Sandbox(url, { adminToken });
    binary = binary ?? process.env.HOSTING_SANDBOX_BIN ?? '.build/debug/hosting-sandbox';
    if (!fs.existsSync(binary)) {
      throw new Error(`no sandbox binary at ${binary}: build it (swift build) or set HOSTING_SANDBOX_BIN or HOSTING_SANDBOX_URL`);
    }
    return Sandbox.start(binary);
  }

  /** Stops the process this object started (a sandbox it only connected to keeps running). */
  async stop() {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
    await exited;
    clearTimeout(timer);
  }

  /** A tenant with a new unique token, its clock frozen (manual) unless `freeze: false`. */
  async tenant({ token, freeze = true, balance, permissions } = {}) {
    const tenant = new Tenant(this, token ?? `test-${randomUUID()}`);
    if (balance !== undefined || permissions !== undefined) await tenant.configure({ balance, permissions });
    if (freeze) await tenant.freeze();
    return tenant;
  }

  /** Calls `/_sandbox${path}`; resolves to the decoded JSON or rejects with a SandboxError. */
  control(method, path, { token, json, timeoutSeconds } = {}) {
    return callControl(this.url, method, path, { token, adminToken: this.adminToken, json, timeoutSeconds });
  }

  health() {
    return this.control('GET', '/health');
  }

  /** Resets every tenant, ID sequences included. */
  resetAll() {
    return this.control('POST', '/reset?all=true');
  }

  /** Loads a scenario document (an object, or the path of a JSON file) for the tenants it names. */
  loadScenario(scenario) {
    return this.control('POST', '/scenarios', { json: readDocument(scenario) });
  }
}

module.exports = { Sandbox, DEFAULT_ARGS };
