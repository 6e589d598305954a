import { encodeUri } from '../text/uriText';

/** A link from one workspace file to another: relative, `/`-separated, safe inside `(…)`. */
export function relativeLink(fromFile: string | undefined, toFile: string): string {
  const fromFolder = fromFile ? fromFile.split('/').slice(0, -1) : [];
  const target = toFile.split('/');
  let common = 0;
  while (common < fromFolder.length && common < target.length - 1 && fromFolder[common] === target[common]) common++;
  const path = [...Array<string>(fromFolder.length - common).fill('..'), ...target.slice(common)].join('/');
  return encodeUri(path).replace(/[()#?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `[path:line](path#Lline)`: GitHub and VS Code's preview both open the file at that line. */
export function lineLink(fromFile: string | undefined, toFile: string, line: number): string {
  return `[${toFile}:${line}](${relativeLink(fromFile, toFile)}#L${line})`;
}
