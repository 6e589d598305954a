import { parseDocument, isMap, isScalar, isPair, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { Range } from './types';
import { LineIndex } from './text/lineIndex';
import { parseSettings, type Settings } from './settings';

export const CONFIG_FILE_NAMES = ['.govmd.json', '.govmd.yaml', '.govmd.yml'] as const;

export interface ConfigProblem {
  key: string;
  message: string;
  /** Where in the file the problem is, when it can be pointed at. */
  range: Range;
}

export interface ConfigFileResult {
  settings: Settings;
  problems: ConfigProblem[];
  /** What the file itself says, before defaults: which keys it sets (as far as it parses). */
  raw: Record<string, unknown>;
}

/** A settings file is a few hundred bytes; one this large was not written by hand. */
export const MAX_CONFIG_FILE_BYTES = 256 * 1024;
/** YAML aliases a settings file may expand: enough for sharing a list, far from an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * Reads `.govmd.json` / `.govmd.yaml`. YAML is a superset of JSON, so one parser serves both and
 * keeps the position of every key, which lets each problem point at the value that caused it.
 * Never throws: a file too large, a syntax error or an alias bomb is a problem, and the defaults apply.
 */
export function parseConfigFile(text: string): ConfigFileResult {
  const lines = new LineIndex(text);
  const start = lines.range({ start: 0, end: 0 });
  const defaults = (problems: ConfigProblem[]): ConfigFileResult => ({ settings: parseSettings({}).settings, problems, raw: {} });
  if (text.length > MAX_CONFIG_FILE_BYTES) {
    return defaults([{ key: '(file)', message: `the settings file is ${Math.round(text.length / 1024)} KB, over the ${MAX_CONFIG_FILE_BYTES / 1024} KB a settings file may have`, range: start }]);
  }
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = [];
  for (const error of document.errors) {
    problems.push({ key: '(syntax)', message: error.message.split('\n')[0], range: lines.range({ start: error.pos[0], end: error.pos[1] }) });
  }
  if (document.errors.length > 0) return defaults(problems);
  let contents: unknown;
  try {
    contents = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof ReferenceError && /alias/i.test(error.message)
      ? `YAML aliases (*name) expand to too many values (an alias bomb?); at most ${MAX_ALIAS_COUNT} are allowed`
      : (error as Error).message.split('\n')[0];
    return defaults([{ key: '(aliases)', message, range: start }]);
  }
  const raw = typeof contents === 'object' && contents !== null && !Array.isArray(contents) ? (contents as Record<string, unknown>) : {};
  const { settings, problems: settingProblems } = parseSettings(contents ?? {});
  for (const problem of settingProblems) {
    problems.push({ ...problem, range: rangeOfKey(document, problem.key, lines, problem.message.startsWith('unknown')) });
  }
  return { settings, problems, raw };
}

function rangeOfKey(document: Document, key: string, lines: LineIndex, pointAtKey: boolean): Range {
  const path = key.replace(/\[(\d+)\]/g, '.$1').split('.').filter((part) => part !== '(root)');
  let node: unknown = document.contents;
  let target: YamlNode | undefined = document.contents ?? undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === part);
      if (!pair) break;
      target = (pointAtKey || !pair.value ? pair.key : pair.value) as YamlNode;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(part)];
      if (!item) break;
      target = item as YamlNode;
      node = item;
    } else break;
  }
  return lines.range(target?.range ? { start: target.range[0], end: target.range[1] } : { start: 0, end: 0 });
}
