import type { Connection } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import type { Session } from './session';
import type { GovDocument } from '../engine/govDocument';
import { progressOf } from '../engine/model/dd';
import {
  ddTemplatePath,
  exportOpenItems,
  knownOwners,
  latestMeetingNote,
  newDueDiligence,
  newMeetingNotes,
  openCriterionNear,
  openRequiredCriteria,
  progressReport,
  statusBarText,
  toggleCriterion,
  type DdLevel,
} from '../engine/generate';
import { duplicatesReport } from '../engine/duplicates/report';
import { progressSvg } from '../engine/report/progressSvg';
import { parseUri } from '../engine/text/uriText';
import { templateEdits } from '../engine/template/updateEdits';
import { templateLabel } from '../engine/template/ddTemplate';
import { formatTemplateDiff } from '../engine/report/templateDiff';

/** Commands the client asks the server to run (`workspace/executeCommand`); the client owns the UI. */
export const SERVER_COMMANDS = [
  'govmd.progress',
  'govmd.knownOwners',
  'govmd.toggleCriterion',
  'govmd.openCriterion',
  'govmd.exportOpenItems',
  'govmd.newMeetingNotes',
  'govmd.newDueDiligence',
  'govmd.duplicates',
  'govmd.checkExternalLinks',
  'govmd.templateDiff',
  'govmd.updateToTemplate',
];

type Position = { line: number; character: number };

export function registerCommands(
  connection: Connection,
  session: () => Session,
  docFor: (uri: string) => Promise<GovDocument | undefined>,
  ready: Promise<void>,
): void {
  /** Every Markdown document of the workspace (open buffers as typed). */
  const workspaceDocuments = async (): Promise<GovDocument[]> => {
    const docs: GovDocument[] = [];
    const uris = new Set([...(await session().project.workspace.listFiles()), ...(await session().openDocuments()).map((d) => d.uri)]);
    for (const uri of uris) {
      if (!/\.(md|markdown)$/i.test(uri)) continue;
      const doc = await docFor(uri);
      if (doc && doc.kind !== 'none') docs.push(doc);
    }
    return docs;
  };

  const handlers: Record<string, (args: unknown[]) => Promise<unknown>> = {
    'govmd.progress': async ([uri]) => {
      const doc = await docFor(String(uri));
      if (!doc || doc.kind !== 'dd' || doc.dd.criteria.length === 0) return null;
      const progress = progressOf(doc.dd);
      const title = doc.parsed.headings.find((h) => h.depth === 1)?.text || doc.path;
      return {
        status: statusBarText(progress),
        title,
        required: progress.required,
        suggested: progress.suggested,
        report: progressReport(doc),
        svg: progressSvg(title, progress),
        open: openRequiredCriteria(doc),
      };
    },

    // For the document the TODO goes in: its attendees are known there, as `unknown-owner` knows them.
    'govmd.knownOwners': async ([uri]) => {
      const doc = uri === undefined ? undefined : await docFor(String(uri));
      const owners = knownOwners(await workspaceDocuments(), await session().project.knownHandlesFor(doc));
      return {
        todoOwners: owners.filter((o) => o.source === 'todo').map((o) => o.name),
        handles: owners.filter((o) => o.source === 'handle').map((o) => o.name.replace(/^@/, '')),
      };
    },

    'govmd.toggleCriterion': async ([uri, position]) => {
      const doc = await docFor(String(uri));
      return (doc && toggleCriterion(doc, doc.parsed.lines.offsetAt(position as Position))) ?? null;
    },

    'govmd.openCriterion': async ([uri, position, direction]) => {
      const doc = await docFor(String(uri));
      if (!doc) return null;
      const target = openCriterionNear(doc, doc.parsed.lines.offsetAt(position as Position), direction === 'previous' ? 'previous' : 'next');
      return target?.range.start ?? null;
    },

    'govmd.exportOpenItems': async ([today]) => ({
      text: exportOpenItems(await workspaceDocuments(), { today: String(today) }),
    }),

    'govmd.newMeetingNotes': async ([base, today]) => {
      const project = session().project;
      const baseUri = parseUri(String(base));
      const series = await seriesFolder(baseUri, (uri) => project.workspace.stat(uri));
      const prefix = `${series.toString().replace(/\/$/, '')}/`;
      const candidates = (await project.workspace.listFiles()).filter((uri) => uri.startsWith(prefix)).map((uri) => uri.slice(prefix.length));
      const latest = latestMeetingNote(candidates);
      const previousText = latest ? (await docFor(prefix + latest))?.text : undefined;
      const note = newMeetingNotes(latest && previousText !== undefined ? { path: latest, text: previousText } : undefined, String(today));
      return { uri: prefix + note.path, text: note.text };
    },

    'govmd.newDueDiligence': async ([options]) => {
      const { level, project } = options as { level: DdLevel; project: string };
      let template: string | undefined;
      for (const root of session().project.workspace.roots) {
        template = await session().project.workspace.readFile(Utils.joinPath(URI.parse(root), ddTemplatePath(level)).toString());
        if (template !== undefined) break;
      }
      return { text: newDueDiligence({ level, project, ...(template !== undefined ? { template } : {}) }) };
    },
  };

  handlers['govmd.duplicates'] = async () => {
    const project = session().project;
    return { text: duplicatesReport(await project.allDuplicates(), (uri) => project.index.relativePath(uri)) };
  };

  handlers['govmd.checkExternalLinks'] = async () => ({ summary: await session().checkExternalLinksNow() });

  const NOT_COMPARABLE = 'This document is not a graduation or incubation Due Diligence document that follows the CNCF template.';

  handlers['govmd.templateDiff'] = async ([uri]) => {
    const doc = await docFor(String(uri));
    const comparison = doc && (await session().project.templateComparison(doc));
    if (!doc || !comparison) return { text: null, message: NOT_COMPARABLE };
    const index = session().project.index;
    return { text: formatTemplateDiff(doc, comparison, index.relativePath(doc.uri), (target) => index.relativePath(target)) };
  };

  // Every insertion and move at once, as one edit the client applies (one undo step).
  handlers['govmd.updateToTemplate'] = async ([uri]) => {
    const doc = await docFor(String(uri));
    const comparison = doc && (await session().project.templateComparison(doc));
    if (!doc || !comparison) return { edits: [], message: NOT_COMPARABLE };
    const { missing, moved } = comparison;
    const label = templateLabel(comparison.template);
    const edits = templateEdits(doc, comparison, [...missing.map((place) => ({ missing: place })), ...moved.map((change) => ({ moved: change }))]);
    if (edits.length === 0) return { edits: [], message: `This DD already has every criterion of the ${label.replace(/^Template/, 'template')} where it puts them.` };
    const parts = [];
    if (missing.length) parts.push(`inserted ${missing.length} missing ${missing.length === 1 ? 'criterion' : 'criteria'}`);
    if (moved.length) parts.push(`moved ${moved.length}`);
    return {
      edits: edits.map((edit) => ({ range: doc.parsed.lines.range(edit.span), newText: edit.newText })),
      message: `${label}: ${parts.join(' and ')}.`,
    };
  };

  connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    const handler = handlers[command];
    if (!handler) return null;
    await ready;
    try {
      return await handler(args);
    } catch (error) {
      connection.console.error(`govmd: ${command} failed: ${(error as Error).stack ?? error}`);
      throw error;
    }
  });
}

/**
 * The folder a meeting series lives in: for `meetings/maintainer/2025-09-09/README.md` or
 * `notes/2025-09-09.md` the parent of the dated part; for a folder, the folder itself.
 */
async function seriesFolder(base: URI, stat: (uri: string) => Promise<'file' | 'directory' | undefined>): Promise<URI> {
  if ((await stat(base.toString())) === 'directory') return base;
  const segments = base.path.split('/');
  const dated = segments.findLastIndex((segment) => /\d{4}[-_]?\d{2}[-_]?\d{2}/.test(segment));
  if (dated > 0) return base.with({ path: segments.slice(0, dated).join('/') });
  return Utils.dirname(base);
}
