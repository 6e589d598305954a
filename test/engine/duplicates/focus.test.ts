import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Project } from '../../../server/src/engine/project';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';
import { defaultSettings } from '../../../server/src/engine/settings';
import { COMMUNITY, filesUnder } from './helpers';

/**
 * cncf/toc keeps each project's files in projects/<name>/, a project scope of its own: here two
 * copies of github.com/dragonflyoss/community (the fixture), whose duplicate groups stay inside
 * each copy. A CLI run over one copy (`focusOn`) must give that copy's findings, related places
 * included, and read none of the other copy's definitions.
 */
function twoProjects(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [path, text] of Object.entries(filesUnder(COMMUNITY))) {
    files.set(`file:///ws/projects/alpha/${path}`, text);
    files.set(`file:///ws/projects/beta/${path}`, text);
  }
  return files;
}

class CountingWorkspace extends InMemoryWorkspace {
  readonly reads: string[] = [];
  override async readFile(uri: string): Promise<string | undefined> {
    this.reads.push(uri);
    return super.readFile(uri);
  }
}

test('duplicates are looked for in the checked files\' project scopes alone: the same findings, no read of another project\'s definitions', async () => {
  const files = twoProjects();
  const alpha = [...files.keys()].filter((uri) => uri.includes('/projects/alpha/') && uri.endsWith('.md'));
  const whole = new Project(new InMemoryWorkspace(files), defaultSettings());
  const focused = new CountingWorkspace(files);
  const project = new Project(focused, defaultSettings());
  project.focusOn(alpha);
  let groups = 0;
  for (const uri of alpha) {
    const expected = await whole.check(uri);
    const actual = await project.check(uri);
    assert.deepEqual(actual, expected, uri);
    groups += actual.filter((finding) => finding.code === 'duplicate-section').length;
  }
  assert.ok(groups >= 4, `the copy's own duplicate groups are found (${groups} findings)`);
  const betaGovernance = focused.reads.filter((uri) => uri.includes('/projects/beta/') && /COMMUNITY_|GOVERNANCE|CONTRIBUTING|SECURITY/.test(uri));
  assert.deepEqual(betaGovernance, []);
});
