import { test } from 'node:test';
import assert from 'node:assert/strict';
import { standingOf } from '../../../server/src/engine/duplicates/standing';

// Paths from ../shared/corpus (cncf/toc 4acc1dc, open-telemetry/community 9f58973,
// fluxcd/community 991d012, argoproj/argoproj 28ef975) and the Dragonfly fixture.
const cases: [string, string][] = [
  ['community/COMMUNITY_MEMBERSHIP.md', 'living'],
  ['community/COMMUNITY_LADDER.md', 'living'],
  ['community/roles/Maintainers.md', 'living'],
  ['community/CONTRIBUTING.md', 'living'],
  ['community/SECURITY.md', 'living'],
  ['fluxcd/community/community-roles.md', 'living'],
  ['fluxcd/community/PROCESS.md', 'living'],
  ['open-telemetry/community/tech-committee-charter.md', 'living'],
  ['argoproj/argoproj/community/membership.md', 'living'],
  ['cncf/toc/projects/telepresence/2023-telepresence-annual.md', 'record'],
  ['cncf/toc/projects/cert-manager/governance-review/2024-07-22.md', 'record'],
  ['cncf/toc/projects/openebs/governance-review/02-19-2026.md', 'record'],
  ['cncf/toc/projects/k3s/k3s-sandbox-proposal.md', 'record'],
  ['cncf/toc/projects/rook/security-assessment/self-assessment.md', 'record'],
  ['open-telemetry/community/elections/2023/governance-committee-election.md', 'record'],
  ['argoproj/argoproj/community/decision-log.md', 'record'],
  ['community/meetings/maintainer/2025-09-09/README.md', 'record'],
  ['cncf/toc/.archive/resources/toc-supporting-guides/project-reviews.md', 'archive'],
  ['cncf/toc/.archive/tag-charters/runtime-charter.md', 'archive'],
  ['cncf/toc/FAQ.md', 'other'],
  ['community/README.md', 'other'],
  ['argoproj/argoproj/community/genai.md', 'other'],
];

for (const [path, standing] of cases) test(`standing of ${path}: ${standing}`, () => assert.equal(standingOf(path), standing));
