'use strict';
// One tenant of a sandbox (one Bearer token): its API, clock, events, jobs, faults,
// journal, snapshots and scenarios.

const { AssertionError } = require('node:assert');
const { withJSONBody, readDocument, queryString } = require('./control');

class Tenant {
  constructor(sandbox, token) {
    this.sandbox = sandbox;
    this.token = token;
  }

  /** The base URL to give the client under test. */
  get url() {
    return this.sandbox.url;
  }

  get headers() {
    return { Authorization: `Bearer ${this.token}` };
  }

  /** fetch() against the emulated APIs as this tenant; `init.json` is sent as a JSON body. */
  fetch(path, init = {}) {
    const prepared = withJSONBody(init);
    return fetch(this.url + path, { ...prepared, headers: { ...this.headers, ...prepared.headers } });
  }

  control(method, path, json, timeoutSeconds) {
    return this.sandbox.control(method, path, { token: this.token, json, timeoutSeconds });
  }

  /** Sets the tenant's balance (EUR) and permissions. */
  configure({ balance, permissions } = {}) {
    return this.control('POST', '/tenants', { token: this.token, balance, permissions });
  }

  /** Empties the tenant (its faults and journal too); it starts afresh on its next request. */
  reset() {
    return this.control('POST', '/reset');
  }

  // The clock

  clock() {
    return this.control('GET', '/clock');
  }

  setClock({ mode, scale, now } = {}) {
    return this.control('PUT', '/clock', { mode, scale, now: now instanceof Date ? isoSeconds(now) : now });
  }

  /** Manual clock: time stands still until advance() or setTime() (optionally set to `now` at once). */
  freeze(now) {
    return this.setClock({ mode: 'manual', now });
  }

  /** Moves the clock forward to `now` (ISO-8601 text or a Date), applying what falls due. */
  setTime(now) {
    return this.setClock({ now });
  }

  /** Moves the clock `seconds` forward, applying everything that falls due, in order. */
  advance(seconds) {
    return this.control('POST', '/clock/advance', { seconds });
  }

  // Events

  /** `{events, last}` after event id `after`; `wait` long-polls (seconds, at most 60). */
  events({ after = 0, wait, limit } = {}) {
    return this.control('GET', `/events${queryString({ after, wait, limit })}`, undefined, 30 + (wait ?? 0));
  }

  /** The first event after `after` that `match` accepts: a predicate, or an object of fields
   * that must be equal (e.g. `{resourceType: 'virtual_server', to: 'running'}`). */
  async waitForEvent(match, { timeout = 30, after = 0 } = {}) {
    const accepts = typeof match === 'function' ? match
      : (event) => Object.entries(match ?? {}).every(([key, value]) => event[key] === value);
    const deadline = Date.now() + timeout * 1000;
    const seen = [];
    for (;;) {
      const remaining = Math.max(deadline - Date.now(), 0) / 1000;
      const batch = await this.events({ after, wait: Math.min(remaining, 60) });
      const found = batch.events.find(accepts);
      if (found) return found;
      seen.push(...batch.events);
      after = batch.last;
      if (remaining === 0) {
        throw new Error(`no matching event within ${timeout} s; saw ${JSON.stringify(seen.slice(-10))}`);
      }
    }
  }

  // Jobs

  /** `{now, jobs, timers}`. */
  jobs({ active = false } = {}) {
    return this.control('GET', active ? '/jobs?active=true' : '/jobs');
  }

  completeJob(id) {
    return this.control('POST', `/jobs/${id}/complete`);
  }

  failJob(id, output) {
    return this.control('POST', `/jobs/${id}/fail`, { output });
  }

  // Faults

  /** e.g. `addFault({method: 'POST', path: '/api/v1/datacenter/server', status: 503, times: 1})`. */
  addFault(rule) {
    return this.control('POST', '/faults', rule);
  }

  async faults() {
    return (await this.control('GET', '/faults')).faults;
  }

  removeFault(id) {
    return this.control('DELETE', `/faults/${id}`);
  }

  clearFaults() {
    return this.control('DELETE', '/faults');
  }

  // The request journal

  /** Journaled API requests, newest first. `path` is a prefix, or a pattern with `*`;
   * `status` a code or a class such as '4xx'. */
  async requests({ method, path, status, since, limit } = {}) {
    return (await this.control('GET', `/requests${queryString({ method, path, status, since, limit })}`)).requests;
  }

  clearRequests() {
    return this.control('DELETE', '/requests');
  }

  /** Asserts the client made a matching request (exactly `times` of them if given); answers
   * the matching journal entries, newest first. */
  async assertRequested({ method, path, status, since, times } = {}) {
    const found = await this.requests({ method, path, status, since, limit: 10000 });
    if (times === undefined ? found.length > 0 : found.length === times) return found;
    const wanted = [method, path, status].filter((part) => part !== undefined).join(' ') || 'any request';
    const recent = (await this.requests({ limit: 10 })).map((r) => `${r.method} ${r.path} -> ${r.status}`);
    const expected = times === undefined ? 'at least once' : `${times} time(s)`;
    throw new AssertionError({
      message: `expected ${wanted} ${expected}, found ${found.length}; recent requests: ${JSON.stringify(recent)}`,
    });
  }

  // Snapshots and scenarios

  /** The tenant's world as one JSON document. */
  snapshot() {
    return this.control('GET', '/state');
  }

  /** Replaces the tenant's world with a snapshot (an object, or the path of a JSON file). */
  restore(snapshot) {
    return this.control('PUT', '/state', readDocument(snapshot));
  }

  /** Loads a scenario (an object, or the path of a JSON file); its tenants that name no token are this tenant. */
  loadScenario(scenario) {
    const document = readDocument(scenario);
    const tenants = (document.tenants ?? []).map((tenant) => ({ token: this.token, ...tenant }));
    return this.sandbox.loadScenario({ ...document, tenants });
  }
}

function isoSeconds(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

module.exports = { Tenant };
