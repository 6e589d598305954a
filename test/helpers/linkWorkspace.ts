/**
 * A governance-like workspace: `folders` folders of Markdown files, each with a table of contents,
 * sections that link to headings of other files (one link in fifty broken), line anchors, images,
 * reference links and external URLs.
 */
export function generateLinkWorkspace(fileCount = 2000, folders = 20): Record<string, string> {
  const files: Record<string, string> = {};
  const name = (i: number) => `file:///bench/team-${i % folders}/doc-${i}.md`;
  const relative = (from: number, to: number) => (from % folders === to % folders ? `doc-${to}.md` : `../team-${to % folders}/doc-${to}.md`);
  let broken = 0;
  for (let i = 0; i < fileCount; i++) {
    const sections = ['Overview', 'Roles and Responsibilities', 'Adding New Maintainers', 'Voting', 'Code of Conduct', 'Security Reporting', 'Releases', 'Contact'];
    const lines = [`# Document ${i}`, '', ...sections.map((s) => `- [${s}](#${s.toLowerCase().replace(/ /g, '-')})`), ''];
    sections.forEach((section, s) => {
      const other = (i * 7 + s * 13 + 1) % fileCount;
      const fragment = ++broken % 50 === 0 ? 'no-such-heading' : sections[(s + 1) % sections.length].toLowerCase().replace(/ /g, '-');
      lines.push(`## ${section}`, '');
      lines.push(
        `This section of document ${i} explains ${section.toLowerCase()}. See [the ${sections[(s + 1) % sections.length]} section](${relative(i, other)}#${fragment}) ` +
          `and [the project site](https://example.org/${i}/${s}) for details, or [${section}][ref-${s}].`,
        '',
        `- Lines cited: [source](${relative(i, other)}#L${2 + s}) and ![diagram](../assets/diagram-${s % 3}.png)`,
        `- Back to the [overview](#overview) of this file; also <https://github.com/example/other/blob/main/x.md>.`,
        '',
        `[ref-${s}]: ${relative(i, (other + 1) % fileCount)}`,
        '',
      );
    });
    files[name(i)] = lines.join('\n');
  }
  for (let k = 0; k < 3; k++) files[`file:///bench/assets/diagram-${k}.png`] = 'PNG';
  return files;
}
