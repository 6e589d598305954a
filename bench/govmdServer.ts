import { join } from 'node:path';
import type { ServerSpec } from './lspDriver';

export const GOVMD_SERVER = join(__dirname, '..', 'server', 'out', 'server.js');

/** govmd's language server as the VS Code extension starts it, with the debounce the server reads from its initialization options. */
export function govmdServer(debounceMs?: number): ServerSpec {
  return {
    name: 'govmd server',
    // GOVMD_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": Node options for the server alone (NODE_OPTIONS refuses --cpu-prof).
    args: [...(process.env.GOVMD_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), GOVMD_SERVER, '--stdio'],
    initializationOptions: { trusted: true, ...(debounceMs === undefined ? {} : { debounceMs }) },
    // The editor's `governance.*` settings: the defaults.
    configuration: () => ({}),
  };
}
