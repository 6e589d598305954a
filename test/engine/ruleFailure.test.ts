import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rule } from '../../server/src/engine/rules/rule';
import type { Finding } from '../../server/src/engine/types';
import { checkDocument } from '../../server/src/engine/check';
import { openTodo } from '../../server/src/engine/rules/openTodo';
import { defaultSettings } from '../../server/src/engine/settings';
import { Project } from '../../server/src/engine/project';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { govDocument } from '../helpers/documents';
import { COMMUNITY, filesUnder } from '../helpers/fixtures';

// A bug in one check must cost that check on that document, nothing more: the other rules'
// findings on the document and every other document's findings are still reported.

const brief = (f: Finding) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.severity} ${f.message}`;

const throwing: Rule = {
  code: 'broken-link',
  description: 'A rule with a bug.',
  defaultSeverity: 'warning',
  appliesTo: ['governance'],
  check(_context, report) {
    report({ span: { start: 0, end: 1 }, message: 'reported before the bug' });
    throw new TypeError("Cannot read properties of null (reading 'x')");
  },
};

test('a rule that throws: the other rules still report, and the failure is one finding under its code', () => {
  const doc = govDocument('GOVERNANCE.md', '# Governance\n\nTODO: still reported\n');
  const findings = checkDocument(doc, {}, defaultSettings(), [throwing, openTodo]);
  assert.deepEqual(findings.map(brief), [
    "1:1 broken-link error The broken-link check failed on this document (Cannot read properties of null (reading 'x')); the other checks ran. Please report this.",
    '3:1 open-todo information TODO (no owner): still reported',
  ]);
});

test('a workspace that fails to answer for one link target: only the link check that asked fails, on that document only', async () => {
  const files = {
    'file:///ws/GOVERNANCE.md': '# Governance\n\nSee [the ladder](LADDER.md).\n\nTODO: still reported\n',
    'file:///ws/OTHER.md': '# Other\n\nSee [governance](GOVERNANCE.md) and [gone](gone.md).\n',
  };
  const workspace = new InMemoryWorkspace(files);
  const stat = workspace.stat.bind(workspace);
  workspace.stat = async (uri) => {
    if (uri === 'file:///ws/LADDER.md') throw new Error('EIO: i/o error, stat');
    return stat(uri);
  };
  const project = new Project(workspace, defaultSettings());
  assert.deepEqual((await project.check('file:///ws/GOVERNANCE.md')).map(brief), [
    '1:1 broken-link error The broken-link check failed on this document (EIO: i/o error, stat); the other checks ran. Please report this.',
    '5:1 open-todo information TODO (no owner): still reported',
  ]);
  assert.deepEqual((await project.check('file:///ws/OTHER.md')).map(brief), ['3:37 broken-link error No file or folder gone.md']);
});

test('a workspace file that cannot be read: the duplicates between the other files are still found', async () => {
  const files = {
    ...filesUnder(COMMUNITY, 'community'),
    'file:///ws/community/BROKEN.md': '# Broken\n',
  };
  const duplicatesOf = async (workspace: InMemoryWorkspace) =>
    (await new Project(workspace, defaultSettings()).check('file:///ws/community/COMMUNITY_LADDER.md')).filter((f) => f.code === 'duplicate-section').map(brief);
  const expected = await duplicatesOf(new InMemoryWorkspace(files));
  assert.ok(expected.length > 0, 'the ladder and the membership file define the same processes');
  const failing = new InMemoryWorkspace(files);
  const readFile = failing.readFile.bind(failing);
  failing.readFile = async (uri) => {
    if (uri.endsWith('/BROKEN.md')) throw new Error('EIO: i/o error, read');
    return readFile(uri);
  };
  assert.deepEqual(await duplicatesOf(failing), expected);
});

test('a rule that reports 300,000 findings on one document: every one is reported (a 4 MB table of broken anchors failed the check)', () => {
  const many: Rule = {
    code: 'broken-fragment',
    description: 'One finding per character.',
    defaultSeverity: 'warning',
    appliesTo: ['governance'],
    check({ doc }, report) {
      for (let start = 0; start < doc.text.length; start++) report({ span: { start, end: start + 1 }, message: 'here' });
    },
  };
  const doc = govDocument('GOVERNANCE.md', 'x'.repeat(300_000));
  const findings = checkDocument(doc, {}, defaultSettings(), [many]);
  assert.equal(findings.length, 300_000);
  assert.equal(brief(findings[299_999]), '1:300000 broken-fragment warning here');
});
