/**
 * Calendar dates as meeting notes write them: `2025-09-09` in folder and file names, sometimes
 * `2025_09_09`, `20250909`, `2025/09/09`, or `September 9, 2025` / `9 Sep 2025` in titles.
 * A date found is rewritten in the form it was found in, so a folder's convention survives.
 * Dates are ISO `YYYY-MM-DD` strings throughout; arithmetic is done in UTC so no time zone moves a day.
 */

export interface DateMatch {
  index: number;
  length: number;
  /** The date as `YYYY-MM-DD`. */
  iso: string;
  /** Writes another ISO date the way this one was written. */
  render(iso: string): string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAME = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const NUMERIC = /(?<!\d)((?:19|20)\d{2})([-_/.]?)(\d{2})\2(\d{2})(?!\d)/g;
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_NAME}\\.?[ \\t]+(\\d{1,2})(st|nd|rd|th)?,?[ \\t]+((?:19|20)\\d{2})\\b`, 'gi');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(st|nd|rd|th)?[ \\t]+${MONTH_NAME}\\.?,?[ \\t]+((?:19|20)\\d{2})\\b`, 'gi');

/** Every date in a text, in order of appearance. */
export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  NUMERIC.lastIndex = 0;
  for (let m; (m = NUMERIC.exec(text)); ) {
    const [whole, year, separator, month, day] = m;
    const iso = isoOf(+year, +month, +day);
    if (!iso) continue;
    found.push({ index: m.index, length: whole.length, iso, render: (other) => other.split('-').join(separator) });
  }
  MONTH_DAY_YEAR.lastIndex = 0;
  for (let m; (m = MONTH_DAY_YEAR.exec(text)); ) {
    const [whole, monthWord, day, suffix, year] = m;
    const iso = isoOf(+year, monthIndex(monthWord) + 1, +day);
    if (!iso) continue;
    const comma = /,[ \t]/.test(whole);
    found.push({
      index: m.index,
      length: whole.length,
      iso,
      render: (other) => {
        const [y, mo, d] = other.split('-').map(Number);
        return `${monthLike(monthWord, mo)}${whole.includes('.') ? '.' : ''} ${d}${suffix ? ordinal(d) : ''}${comma ? ',' : ''} ${y}`;
      },
    });
  }
  DAY_MONTH_YEAR.lastIndex = 0;
  for (let m; (m = DAY_MONTH_YEAR.exec(text)); ) {
    const [whole, day, suffix, monthWord, year] = m;
    const iso = isoOf(+year, monthIndex(monthWord) + 1, +day);
    if (!iso) continue;
    found.push({
      index: m.index,
      length: whole.length,
      iso,
      render: (other) => {
        const [y, mo, d] = other.split('-').map(Number);
        return `${d}${suffix ? ordinal(d) : ''} ${monthLike(monthWord, mo)}${whole.includes('.') ? '.' : ''}${whole.includes(',') ? ',' : ''} ${y}`;
      },
    });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Replaces the first date of a text, written as that date was. */
export function replaceFirstDate(text: string, iso: string): string {
  const first = findDates(text)[0];
  if (!first) return text;
  return text.slice(0, first.index) + first.render(iso) + text.slice(first.index + first.length);
}

/** The date a path is named by: the last file or folder name that holds one. */
export function dateInPath(path: string): (DateMatch & { segmentStart: number }) | undefined {
  const segments = path.split(/[\\/]/);
  let end = path.length;
  for (let i = segments.length - 1; i >= 0; i--) {
    const start = end - segments[i].length;
    const match = findDates(segments[i]).pop();
    if (match) return { ...match, index: start + match.index, segmentStart: start };
    end = start - 1;
  }
  return undefined;
}

export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isoOf(+m[1], +m[2], +m[3]) === text;
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  const time = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((time(to) - time(from)) / 86_400_000);
}

function isoOf(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined; // 2025-02-30
  return date.toISOString().slice(0, 10);
}

function monthIndex(word: string): number {
  return MONTHS.findIndex((name) => name.startsWith(word.toLowerCase().slice(0, 3)));
}

/** `Sep`, `Sept`, `September`, `SEPTEMBER`: the other month, abbreviated and cased the same way. */
function monthLike(written: string, month: number): string {
  const full = MONTHS[month - 1];
  let name = MONTHS.includes(written.toLowerCase()) ? full : full.slice(0, 3);
  if (written === written.toUpperCase()) name = name.toUpperCase();
  else if (written[0] === written[0].toUpperCase()) name = name[0].toUpperCase() + name.slice(1);
  return name;
}

function ordinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}
