'use strict';

const { Sandbox, DEFAULT_ARGS } = require('./sandbox');
const { Tenant } = require('./tenant');
const { SandboxError } = require('./control');
const { useSandbox } = require('./hooks');

module.exports = { Sandbox, DEFAULT_ARGS, Tenant, SandboxError, useSandbox };
