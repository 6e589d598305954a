import type { GovDocument } from '../govDocument';
import type { WorkspaceDuplicates } from '../rules/rule';
import type { Span } from '../types';
import { extractDefinitions, type Definition } from './definitions';
import { findDuplicates } from './findDuplicates';
import { mergeLexicon, type Lexicon } from './lexicon';
import { standingOf } from './standing';
import { projectScope } from './projectScope';
import type { RepositoryMap } from '../links/repositories';

/** What the index needs of its project: the workspace's files, their parsed documents, the repositories. */
export interface DocumentSource {
  readonly workspace: { readonly roots: readonly string[]; listFiles(): Promise<readonly string[]> };
  readonly settings: { topics: Parameters<typeof mergeLexicon>[0] };
  document(uri: string): Promise<GovDocument | undefined>;
  /** Workspace folders that hold a GitHub repository (settings and git remotes). */
  repositories(): Promise<RepositoryMap>;
}

/**
 * The definitions of every governance file of the workspace, and the groups written twice. Each
 * file's definitions are kept by its text, so after an edit only that file is read again.
 */
export class DuplicatesIndex {
  private readonly definitions = new Map<string, { text: string; definitions: Definition[]; doc: GovDocument }>();
  private groups?: Promise<WorkspaceDuplicates>;
  private lexiconCache?: Lexicon;

  constructor(private readonly source: DocumentSource) {}

  private get lexicon(): Lexicon {
    return (this.lexiconCache ??= mergeLexicon(this.source.settings.topics));
  }

  fileChanged(uri: string): void {
    if (/\.(md|markdown)$/i.test(uri)) this.groups = undefined;
  }

  reset(): void {
    this.definitions.clear();
    this.groups = undefined;
  }

  /** The groups, with `doc` as it is now (an open buffer may differ from the file). */
  async groupsFor(doc: GovDocument): Promise<WorkspaceDuplicates> {
    const cached = this.definitions.get(doc.uri);
    if (cached && cached.text !== doc.text) this.groups = undefined;
    this.remember(doc);
    return (this.groups ??= this.build());
  }

  /**
   * The groups as they would be with a trial text of one document (a fix being tried out): built
   * once and not kept, so the workspace's own groups and definitions stay as they are.
   */
  async groupsForTrial(doc: GovDocument): Promise<WorkspaceDuplicates> {
    if (this.definitions.get(doc.uri)?.text === doc.text) return this.groupsFor(doc);
    return this.build({ doc, definitions: this.definitionsOf(doc) });
  }

  async all(): Promise<WorkspaceDuplicates> {
    return (this.groups ??= this.build());
  }

  private remember(doc: GovDocument): Definition[] {
    const cached = this.definitions.get(doc.uri);
    if (cached && cached.text === doc.text) return cached.definitions;
    const definitions = this.definitionsOf(doc);
    this.definitions.set(doc.uri, { text: doc.text, definitions, doc });
    return definitions;
  }

  /** Only living definitions take part: records, archives and templates may repeat anything. */
  private definitionsOf(doc: GovDocument): Definition[] {
    if (doc.kind !== 'governance' || standingOf(doc.path) !== 'living') return [];
    return withCharterBody(extractDefinitions(doc.parsed, { lexicon: this.lexicon }), doc.path);
  }

  private async build(trial?: { doc: GovDocument; definitions: Definition[] }): Promise<WorkspaceDuplicates> {
    const byUri = new Map<string, Definition[]>();
    const present = new Set<string>();
    for (const uri of await this.source.workspace.listFiles()) {
      if (!/\.(md|markdown)$/i.test(uri) || uri === trial?.doc.uri) continue;
      let definitions: Definition[];
      try {
        const doc = await this.source.document(uri);
        if (!doc) continue;
        definitions = this.remember(doc);
      } catch {
        // One file that cannot be read or understood leaves the others' duplicates to find; its
        // own check reports the failure (it reads its definitions itself, in groupsFor).
        continue;
      }
      present.add(uri);
      if (definitions.length) byUri.set(uri, definitions);
    }
    for (const [uri, entry] of this.definitions) {
      if (uri === trial?.doc.uri) continue;
      // Open buffers that are not files yet (untitled) still count; deleted files do not.
      if (!present.has(uri) && !uri.startsWith('file:')) byUri.set(uri, entry.definitions);
      else if (!present.has(uri)) this.definitions.delete(uri);
    }
    if (trial && trial.definitions.length) byUri.set(trial.doc.uri, trial.definitions);
    const entryOf = (uri: string) => (uri === trial?.doc.uri ? { doc: trial.doc, text: trial.doc.text } : this.definitions.get(uri));
    const repositories = await this.source.repositories();
    const scopeOf = (uri: string) => projectScope(uri, this.source.workspace.roots, repositories);
    const groups = findDuplicates(byUri, { lexicon: this.lexicon, scopeOf });
    return {
      groups,
      lexicon: this.lexicon,
      rangeOf: (uri: string, span: Span) => {
        const entry = entryOf(uri);
        return entry ? entry.doc.parsed.lines.range(span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      },
      textOf: (uri: string) => entryOf(uri)?.text,
    };
  }
}

/**
 * A charter constitutes one body, and what it says without naming a role is about that body: the
 * "Elections" of OpenTelemetry's governance-charter.md elect the Governance Committee, those of
 * tech-committee-charter.md the Technical Committee — two processes, not one written twice.
 */
function withCharterBody(definitions: Definition[], path: string): Definition[] {
  const segments = path.split('/');
  const name = segments.pop()!.replace(/\.[^.]*$/, '');
  if (!/charter/i.test(name)) return definitions;
  const body = name.replace(/[-_ ]*charter[-_ ]*/i, '') || segments.pop() || name;
  const role = body.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return definitions.map((definition) =>
    definition.topic && definition.topic.roles.length === 0 ? { ...definition, topic: { ...definition.topic, roles: [role] } } : definition,
  );
}
