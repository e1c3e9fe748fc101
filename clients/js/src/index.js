'use strict';

const { Sandbox } = require('./sandbox');
const { Tenant } = require('./tenant');
const { SandboxError } = require('./control');
const { useSandbox } = require('./hooks');

module.exports = { Sandbox, Tenant, SandboxError, useSandbox };
