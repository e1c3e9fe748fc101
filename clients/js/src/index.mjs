// ESM entry: the same classes as the CommonJS one (one implementation, two ways in).
import helpers from './index.js';

export const { Sandbox, DEFAULT_ARGS, Tenant, SandboxError, useSandbox } = helpers;
export default helpers;
