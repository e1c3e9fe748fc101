'use strict';
// One call to the control plane: JSON in, JSON out, a SandboxError for anything not 2xx.

const fs = require('node:fs');

class SandboxError extends Error {
  constructor(method, path, status, body) {
    super(`${method} ${path} answered ${status}: ${body}`);
    this.name = 'SandboxError';
    this.status = status;
    this.body = body;
  }
}

/** Sends `init.json` as a JSON body, if given; the rest of `init` goes to fetch as is. */
function withJSONBody(init = {}) {
  if (init.json === undefined) return init;
  const { json, headers, ...rest } = init;
  return { ...rest, body: JSON.stringify(json), headers: { 'Content-Type': 'application/json', ...headers } };
}

async function callControl(baseURL, method, path, { token, adminToken, json, timeoutSeconds = 30 } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (adminToken) headers['X-Sandbox-Admin-Token'] = adminToken;
  const response = await fetch(`${baseURL}/_sandbox${path}`, {
    ...withJSONBody({ method, headers, json }),
    signal: AbortSignal.timeout(Math.ceil(timeoutSeconds * 1000)),
  });
  const body = await response.text();
  if (!response.ok) throw new SandboxError(method, `/_sandbox${path}`, response.status, body);
  return body ? JSON.parse(body) : null;
}

/** A JSON document given as an object, or as the path of a JSON file. */
function readDocument(value) {
  return typeof value === 'string' ? JSON.parse(fs.readFileSync(value, 'utf8')) : value;
}

/** `?a=1&b=2` from the fields that are set. */
function queryString(fields) {
  const set = Object.entries(fields).filter(([, value]) => value !== undefined && value !== null);
  return set.length ? `?${new URLSearchParams(set.map(([k, v]) => [k, String(v)]))}` : '';
}

module.exports = { SandboxError, callControl, withJSONBody, readDocument, queryString };
