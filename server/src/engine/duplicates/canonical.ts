import { uriBasename } from '../text/uriText';
import type { Definition } from './definitions';
import { DEFAULT_LEXICON, processEntry, type Lexicon } from './lexicon';

export interface Located {
  uri: string;
  definition: Definition;
}

/** File names that hold a project's definitions when no process-specific file does. */
const GENERAL_HOMES = ['governance', 'membership'];

/**
 * The member the others should link to, so one source of truth is left:
 * 1. a heading over a bold label — a heading has an anchor of its own to link to;
 * 2. a file whose name says the process lives there (`SECURITY.md` for reporting a vulnerability,
 *    `COMMUNITY_MEMBERSHIP.md` before `GOVERNANCE.md` before `COMMUNITY_LADDER.md` for joining),
 *    then a governance or membership file;
 * 3. the definition that covers more roles ("Member/Approver/Maintainer" over "Member");
 * 4. the longer body (replacing the fuller text would lose more);
 * 5. the first by URI and offset, so the choice never depends on the order files were read.
 */
export function chooseCanonical(members: readonly Located[], process?: string, lexicon: Lexicon = DEFAULT_LEXICON): number {
  const homes = [...(process ? (processEntry(lexicon, process)?.homes ?? []) : []), ...GENERAL_HOMES];
  const rank = (member: Located): number[] => {
    const name = uriBasename(member.uri).toLowerCase();
    const home = homes.findIndex((word) => name.includes(word));
    return [
      member.definition.kind === 'heading' ? 0 : 1,
      home === -1 ? homes.length : home,
      -(member.definition.topic?.roles.length ?? 0),
      -member.definition.wordCount,
    ];
  };
  // Ranked once each: a group of a hundred members is formed again at every keystroke in one of them.
  const ranks = members.map(rank);
  let best = 0;
  members.forEach((member, index) => {
    if (index === best) return;
    const difference = compareRanks(ranks[index], ranks[best]);
    if (difference < 0 || (difference === 0 && compareLocation(member, members[best]) < 0)) best = index;
  });
  return best;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function compareLocation(a: Located, b: Located): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.definition.labelSpan.start - b.definition.labelSpan.start;
}
