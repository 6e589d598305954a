import { UserPattern } from '../../server/src/engine/text/userPattern';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rule, WorkspaceFacts } from '../../server/src/engine/rules/rule';
import type { DocumentKind, Finding } from '../../server/src/engine/types';
import { DocumentParser } from '../../server/src/engine/parse/document';
import { GovDocument } from '../../server/src/engine/govDocument';
import { checkDocument } from '../../server/src/engine/check';
import { parseSettings, type Settings } from '../../server/src/engine/settings';
import { applyEdits } from '../../server/src/engine/fixes';
import { Project } from '../../server/src/engine/project';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';

export interface InvalidCase {
  name?: string;
  kind?: DocumentKind;
  path?: string;
  text: string;
  /** Each finding as `line:column severity message` (1-based), in report order. */
  findings: string[];
  /** The text after applying the first fix of every finding (when the case has fixes). */
  output?: string;
  settings?: unknown;
  workspace?: Partial<WorkspaceFacts>;
  /** Other files of the workspace, by path below its folder (`file:///ws/`): link targets. */
  files?: Record<string, string>;
}

export interface ValidCase {
  name?: string;
  kind?: DocumentKind;
  path?: string;
  text: string;
  settings?: unknown;
  workspace?: Partial<WorkspaceFacts>;
  files?: Record<string, string>;
}

/** ESLint's RuleTester, for our rules: each case is a snippet, its exact findings, the text after fixes. */
export function testRule(rule: Rule, cases: { valid: (ValidCase | string)[]; invalid: InvalidCase[] }): void {
  const defaultKind = rule.appliesTo[0];
  cases.valid.forEach((input, index) => {
    const item = typeof input === 'string' ? { text: input } : input;
    test(`${rule.code} valid #${index + 1}${item.name ? `: ${item.name}` : ''}`, async () => {
      const findings = await runInWorkspace(rule, item, defaultKind);
      assert.deepEqual(findings.map(describe), []);
    });
  });
  cases.invalid.forEach((item, index) => {
    test(`${rule.code} invalid #${index + 1}${item.name ? `: ${item.name}` : ''}`, async () => {
      const findings = await runInWorkspace(rule, item, defaultKind);
      assert.deepEqual(findings.map(describe), item.findings);
      for (const finding of findings) assert.equal(finding.code, rule.code);
      if (item.output !== undefined) {
        const edits = findings.flatMap((f) => f.fixes?.[0]?.edits ?? []);
        const fixed = applyEdits(item.text, edits);
        assert.equal(fixed, item.output);
        // Applying the fixes once more changes nothing: fixes are idempotent.
        const again = (await runInWorkspace(rule, { ...item, text: fixed }, defaultKind)).flatMap((f) => (f.fixes?.[0]?.automatic ? f.fixes[0].edits : []));
        assert.equal(applyEdits(fixed, again), fixed);
      }
    });
  });
}

export function run(rule: Rule, item: ValidCase, defaultKind: DocumentKind): Finding[] {
  const settings = settingsFor(item, defaultKind);
  const path = item.path ?? 'case.md';
  const doc = new GovDocument(`file:///ws/${path}`, path, new DocumentParser(settings.placeholders.map((p) => new UserPattern(p))).parse(item.text), settings);
  const workspace: WorkspaceFacts = { ...item.workspace };
  return checkDocument(doc, workspace, settings, [rule]);
}

/**
 * Runs one rule on the case as the Project would: the case is `file:///ws/<path>` in a workspace
 * that also holds `files`, and its link targets are gathered from that workspace first.
 */
export async function runInWorkspace(rule: Rule, item: ValidCase, defaultKind: DocumentKind): Promise<Finding[]> {
  const settings = settingsFor(item, defaultKind);
  const path = item.path ?? 'case.md';
  const uri = `file:///ws/${path}`;
  const files: Record<string, string> = { [uri]: item.text };
  for (const [name, text] of Object.entries(item.files ?? {})) files[`file:///ws/${name}`] = text;
  const project = new Project(new InMemoryWorkspace(files), settings);
  const doc = (await project.document(uri))!;
  const links = await project.links.gather(uri, doc.parsed);
  const dd = doc.kind === 'dd' ? await project.ddFacts(doc) : {};
  const workspace: WorkspaceFacts = { links, ...dd, ...item.workspace };
  return checkDocument(doc, workspace, settings, [rule]);
}

function settingsFor(item: ValidCase, defaultKind: DocumentKind): Settings {
  const raw = (item.settings ?? {}) as Record<string, unknown>;
  const kind = item.kind ?? defaultKind;
  const path = item.path ?? 'case.md';
  const { settings, problems } = parseSettings({ kinds: { [kind]: [path] }, ...raw });
  assert.deepEqual(problems, []);
  return settings;
}

export function describe(finding: Finding): string {
  return `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.message}`;
}

/** Joins lines with `\n`: cases read as the document they are. */
export function md(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
