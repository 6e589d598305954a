import { parseSettings, type Settings, type SettingsProblem } from '../engine/settings';

export interface CombinedSettings {
  settings: Settings;
  /** Problems of the editor's `governance.*` settings (the settings file's are diagnostics on it). */
  editorProblems: SettingsProblem[];
}

const MERGED_RECORDS = new Set(['severity', 'repositories']);

/**
 * The editor's `governance.*` settings are the defaults; the workspace's `.govmd.json` / `.govmd.yaml`
 * (shared with the CLI) overrides the keys it sets. In an untrusted workspace the file may only
 * change severities: nothing it says can make the server read other files or reach the network
 * (`externalLinks.enabled`, `externalLinks.allowPrivateHosts`). The editor's settings are the
 * user's own: VS Code keeps an untrusted workspace's own values of the restricted ones out
 * (package.json's `restrictedConfigurations`).
 */
export function combineSettings(editorRaw: unknown, file: { raw: Record<string, unknown>; settings: Settings } | undefined, trusted: boolean): CombinedSettings {
  const editor = parseSettings(stripEmpty(editorRaw));
  const settings = { ...editor.settings } as Record<string, unknown>;
  if (file) {
    for (const key of Object.keys(file.raw)) {
      if (!Object.hasOwn(settings, key)) continue;
      if (!trusted && key !== 'severity') continue;
      const fileValue = (file.settings as Record<string, unknown>)[key];
      settings[key] = MERGED_RECORDS.has(key) ? { ...(settings[key] as object), ...(fileValue as object) } : fileValue;
    }
  }
  return { settings: settings as Settings, editorProblems: editor.problems };
}

/** VS Code hands every declared setting, unset ones as empty values; they mean "default". */
function stripEmpty(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null) return {};
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    result[key] = value;
  }
  return result;
}
