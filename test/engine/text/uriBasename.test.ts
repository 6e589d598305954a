import { test } from 'node:test';
import assert from 'node:assert/strict';
import { URI, Utils } from 'vscode-uri';
import { fileUri, uriBasename } from '../../../server/src/engine/text/uriText';

// The file name the duplicate-section messages and fixes show: the same as vscode-uri's, without
// parsing a URI for every member of every group.

test('a file name is what vscode-uri says it is: plain, with spaces and non-ASCII letters, and from other schemes', () => {
  const uris = [
    fileUri('/ws/community/COMMUNITY_MEMBERSHIP.md'),
    fileUri('/ws/a folder/Gouvernance Équipe (draft).md'),
    fileUri('/ws/100% done #1.md'),
    'untitled:Untitled-1',
    'vscode-vfs://github/org/repo/GOVERNANCE.md',
    'file:///ws/page.md?query=1#part',
  ];
  for (const uri of uris) assert.equal(uriBasename(uri), Utils.basename(URI.parse(uri)), uri);
  assert.equal(uriBasename(fileUri('/ws/a folder/Gouvernance Équipe (draft).md')), 'Gouvernance Équipe (draft).md');
});
