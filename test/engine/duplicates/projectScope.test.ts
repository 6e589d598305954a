import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectScope } from '../../../server/src/engine/duplicates/projectScope';
import { repositoryMap } from '../../../server/src/engine/links/repositories';
import { WorkspaceIndex } from '../../../server/src/engine/workspaceIndex';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';

const indexOf = (roots: string[]) => new WorkspaceIndex(new InMemoryWorkspace({}, roots));

const roots = ['file:///ws'];
const repositories = repositoryMap([
  { name: 'cncf/toc', uri: 'file:///ws/cncf/toc', source: 'settings' },
  { name: 'open-telemetry/community', uri: 'file:///ws/otel/community', source: 'settings' },
  { name: 'open-telemetry/opentelemetry-collector', uri: 'file:///ws/otel/collector', source: 'git remote' },
  { name: 'argoproj/argoproj', uri: 'file:///ws/argo', source: 'settings' },
]);
const scope = (path: string) => projectScope(`file:///ws/${path}`, indexOf(roots), repositories);

test('project scope: the repositories of one owner are one project', () => {
  assert.equal(scope('otel/community/GOVERNANCE.md'), scope('otel/collector/CONTRIBUTING.md'));
  assert.notEqual(scope('otel/community/GOVERNANCE.md'), scope('argo/GOVERNANCE.md'));
});

test('project scope: each projects/<name>/ and tags/<name>/ folder is a project of its own', () => {
  assert.notEqual(scope('cncf/toc/projects/k3s/GOVERNANCE.md'), scope('cncf/toc/projects/keptn/GOVERNANCE.md'));
  assert.equal(scope('cncf/toc/projects/k3s/GOVERNANCE.md'), scope('cncf/toc/projects/k3s/docs/MAINTAINERS.md'));
  assert.notEqual(scope('cncf/toc/tags/tag-infrastructure/charter.md'), scope('cncf/toc/tags/tag-workloads-foundation/charter.md'));
  assert.notEqual(scope('cncf/toc/projects/k3s/GOVERNANCE.md'), scope('cncf/toc/GOVERNANCE.md'));
});

test('project scope: without a known repository, the workspace folder', () => {
  assert.equal(scope('community/COMMUNITY_LADDER.md'), scope('community/roles/Maintainers.md'));
  assert.equal(projectScope('file:///other/x.md', indexOf(['file:///ws', 'file:///other']), repositoryMap([])), 'file:///other');
});
