import * as nodePath from 'node:path';
import { CONFIG_FILE_NAMES, parseConfigFile, type ConfigProblem } from '../engine/configFile';
import { defaultSettings, type Settings } from '../engine/settings';
import { readText } from './readText';
import { existsSync } from 'node:fs';

export interface LoadedConfig {
  /** The settings file used, if one was found. */
  path?: string;
  settings: Settings;
  problems: ConfigProblem[];
  /** A problem reading the file itself. */
  readProblem?: string;
}

/** The nearest `.govmd.json` / `.govmd.yaml` in `from` or a folder above it. */
export function findConfigFile(from: string): string | undefined {
  let folder = nodePath.resolve(from);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = nodePath.join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = nodePath.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

export async function loadConfig(path: string | undefined): Promise<LoadedConfig> {
  if (!path) return { settings: defaultSettings(), problems: [] };
  const read = await readText(path);
  if ('problem' in read) return { path, settings: defaultSettings(), problems: [], readProblem: read.problem };
  return { path, ...parseConfigFile(read.text) };
}
