import { join } from 'node:path';
import type { ServerSpec } from './lspDriver';

export const GOVMD_SERVER = join(__dirname, '..', 'server', 'out', 'server.js');

/** govmd's language server as the VS Code extension starts it, with the debounce the server reads from its initialization options. */
export function govmdServer(debounceMs?: number): ServerSpec {
  return {
    name: 'govmd server',
    args: [GOVMD_SERVER, '--stdio'],
    initializationOptions: { trusted: true, ...(debounceMs === undefined ? {} : { debounceMs }) },
    // The editor's `governance.*` settings: the defaults.
    configuration: () => ({}),
  };
}
