import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A synthetic multi-repository workspace of governance files: 20 files per repository, each with
 * role sections and bold labels ("How to Become a Maintainer", "Responsibilities"), process
 * sections (security reporting, releases, voting) and project prose. In some repositories a
 * section is pasted into a second file with a few words changed, or the ladder and the
 * membership file both define how to join — the duplicates the check exists for.
 */
export function generateWorkspace(fileCount: number, seed = 1): Map<string, string> {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const vocabulary = Array.from({ length: 4000 }, (_, index) => pseudoWord(index, random));
  const word = () => (random() < 0.35 ? pick(COMMON_WORDS) : vocabulary[Math.floor(vocabulary.length * random() ** 2)]);
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(random() * 14) }, word);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const paragraph = (sentences: number) => Array.from({ length: sentences }, sentence).join(' ');

  const files = new Map<string, string>();
  const repositories = Math.max(1, Math.ceil(fileCount / FILES_PER_REPOSITORY));
  for (let repo = 0; repo < repositories && files.size < fileCount; repo++) {
    const base = `file:///ws/repo-${repo}`;
    const repoFiles: [string, string][] = [];
    const roleSections = ROLES.map(
      (role) =>
        `### ${role}\n\nA **${role}** is ${paragraph(1)}\n\n* **Responsibilities**:\n    * ${sentence()}\n    * ${sentence()}\n\n` +
        `* **Qualifications**:\n    * ${sentence()}\n\n* **How to Become ${/^[AEIOU]/.test(role) ? 'an' : 'a'} ${role}**:\n    1. ${sentence()}\n    2. ${sentence()}\n`,
    );
    repoFiles.push([`${base}/COMMUNITY_LADDER.md`, `# Contributor Ladder\n\n${paragraph(3)}\n\n## Roles\n\n${roleSections.join('\n')}`]);
    const membership = random() < 0.3 ? `### Adding New Member/Approver/Maintainer\n\n${paragraph(4)}\n\n` : '';
    repoFiles.push([
      `${base}/COMMUNITY_MEMBERSHIP.md`,
      `# Membership\n\n## How We Make Decisions\n\n${paragraph(4)}\n\n## Managing Membership\n\n${membership}### Removing Inactive Members\n\n${paragraph(3)}\n\n- ${sentence()}\n- ${sentence()}\n`,
    ]);
    repoFiles.push([`${base}/SECURITY.md`, `# Security Policy\n\n## Reporting a Vulnerability\n\n${paragraph(3)}\n\n## Supported Versions\n\n${paragraph(2)}\n`]);
    repoFiles.push([`${base}/GOVERNANCE.md`, `# Governance\n\n## Core Principles\n\n${paragraph(3)}\n\n## Amending this Document\n\n${paragraph(2)}\n\n## Security Reporting\n\nPlease see our [security policy](SECURITY.md) to report a vulnerability.\n`]);
    for (let doc = repoFiles.length; doc < FILES_PER_REPOSITORY; doc++) {
      const sections = Array.from({ length: 4 + Math.floor(random() * 7) }, (_, index) => {
        const depth = index === 0 ? 2 : pick([2, 3, 3]);
        const body = Array.from({ length: 1 + Math.floor(random() * 2) }, () => paragraph(2 + Math.floor(random() * 3))).join('\n\n');
        const list = random() < 0.4 ? `\n\n${Array.from({ length: 3 }, () => `- **${pick(COMMON_WORDS)} ${word()}**: ${sentence()}`).join('\n')}` : '';
        return `${'#'.repeat(depth)} ${pick(PROSE_HEADINGS)} ${word()}\n\n${body}${list}\n`;
      });
      repoFiles.push([`${base}/docs/${pick(PROSE_HEADINGS).toLowerCase().replace(/\W+/g, '-')}-${doc}.md`, `# ${pick(PROSE_HEADINGS)}\n\n${sections.join('\n')}`]);
    }
    if (random() < 0.25) {
      // A section pasted into another file of the repository, lightly edited.
      const [, from] = repoFiles[4 + Math.floor(random() * (repoFiles.length - 5))];
      const section = from.split(/\n(?=## )/)[1] ?? '';
      const edited = section.replace(/\b\w{9,}\b/, 'changed');
      const target = repoFiles.length - 1;
      repoFiles[target][1] += `\n## Copied Section\n${edited.replace(/^## .*\n/, '')}`;
    }
    for (const [uri, text] of repoFiles) if (files.size < fileCount) files.set(uri, text);
  }
  return files;
}

/** Writes `generateWorkspace(fileCount)` under `folder` (its `file:///ws/` becomes the folder); returns the bytes written. */
export function writeGeneratedWorkspace(folder: string, fileCount: number): number {
  let bytes = 0;
  for (const [uri, text] of generateWorkspace(fileCount)) {
    const path = join(folder, decodeURIComponent(uri.slice('file:///ws/'.length)));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

const FILES_PER_REPOSITORY = 20;
const ROLES = ['Contributor', 'Member', 'Approver', 'Maintainer'];
const PROSE_HEADINGS = ['Overview', 'Architecture', 'Community', 'Meetings', 'Communication', 'Design', 'Testing', 'Documentation', 'Components', 'Scheduling', 'Storage', 'Networking', 'Adopters', 'Events', 'Tooling'];
const COMMON_WORDS = ['the', 'project', 'maintainers', 'community', 'a', 'to', 'of', 'and', 'is', 'in', 'for', 'with', 'issue', 'pull', 'request', 'release', 'review', 'contributors', 'should', 'must'];

function pseudoWord(index: number, random: () => number): string {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sta', 'ver', 'don', 'pli', 'gra', 'tu', 'xe', 'bor', 'fen', 'qua'];
  let word = '';
  for (let i = 0; i < 2 + (index % 3); i++) word += syllables[Math.floor(random() * syllables.length)];
  return word;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
