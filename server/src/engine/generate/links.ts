import { relativeLink } from '../workspaceIndex';

/** `[path:line](path#Lline)`: GitHub and VS Code's preview both open the file at that line. */
export function lineLink(fromFile: string | undefined, toFile: string, line: number): string {
  return `[${toFile}:${line}](${relativeLink(fromFile, toFile)}#L${line})`;
}
