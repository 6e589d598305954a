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

/**
 * Reads `.govmd.json` / `.govmd.yaml`. YAML is a superset of JSON, so one parser serves both and
 * keeps the position of every key, which lets each problem point at the value that caused it.
 */
export function parseConfigFile(text: string): ConfigFileResult {
  const lines = new LineIndex(text);
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = [];
  for (const error of document.errors) {
    problems.push({ key: '(syntax)', message: error.message.split('\n')[0], range: lines.range({ start: error.pos[0], end: error.pos[1] }) });
  }
  const contents: unknown = document.toJS();
  const raw = typeof contents === 'object' && contents !== null && !Array.isArray(contents) ? (contents as Record<string, unknown>) : {};
  if (document.errors.length > 0) return { settings: parseSettings({}).settings, problems, raw };
  const { settings, problems: settingProblems } = parseSettings(contents ?? {});
  for (const problem of settingProblems) {
    problems.push({ ...problem, range: rangeOfKey(document, problem.key, lines, problem.message.startsWith('unknown setting')) });
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
