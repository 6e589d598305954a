import { URI, Utils } from 'vscode-uri';
import type { GovDocument } from '../govDocument';
import { ddTemplatePath } from '../generate/dueDiligence';
import { repositoryOf, type RepositoryMap } from '../links/repositories';
import { relativeLinksOf } from './readTemplate';
import { builtInTemplate, ddLevelOf, workspaceTemplate, type DdTemplate, type TemplateLevel } from './ddTemplate';

export interface TemplateHost {
  readonly roots: readonly string[];
  document(uri: string): Promise<GovDocument | undefined>;
  repositories(): Promise<RepositoryMap>;
  stat(uri: string): Promise<'file' | 'directory' | undefined>;
}

const TOC = 'cncf/toc';

/**
 * The template each DD is compared with: cncf/toc's `operations/toc-templates/template-dd-pr-<level>.md`
 * when the workspace holds cncf/toc (mapped in `repositories`, found by its git remote, or a
 * workspace folder that is a cncf/toc checkout), else the built-in catalog.
 */
export class WorkspaceTemplates {
  /** Whether a template path exists, until a file is created or deleted. */
  private readonly exists = new Map<string, Promise<boolean>>();

  constructor(private readonly host: TemplateHost) {}

  fileChanged(uri: string): void {
    if (/\/template-dd-pr-[^/]*\.md$/i.test(uri) || this.exists.has(uri)) this.exists.clear();
  }

  reset(): void {
    this.exists.clear();
  }

  async templateFor(doc: GovDocument): Promise<DdTemplate | undefined> {
    const level = ddLevelOf(doc);
    if (!level) return undefined;
    return (await this.fromWorkspace(level)) ?? builtInTemplate(level);
  }

  private async fromWorkspace(level: TemplateLevel): Promise<DdTemplate | undefined> {
    const repositories = await this.host.repositories();
    const toc = repositories.byName.get(TOC)?.uri;
    const candidates = [...new Set([...(toc ? [toc] : []), ...this.host.roots.map((root) => root.replace(/\/$/, ''))])];
    for (const root of candidates) {
      const uri = Utils.joinPath(URI.parse(root), ddTemplatePath(level)).toString();
      if (!(await this.fileExists(uri))) continue;
      const template = await this.host.document(uri);
      if (!template) continue;
      const repositoryRoot = repositoryOf(repositories, uri)?.uri ?? root;
      const links = await this.resolveLinks(uri, repositoryRoot, relativeLinksOf(template.parsed));
      return workspaceTemplate(uri, template.parsed, level, { resolveLink: (url) => links.get(url) });
    }
    return undefined;
  }

  private fileExists(uri: string): Promise<boolean> {
    let known = this.exists.get(uri);
    if (!known) {
      known = this.host.stat(uri).then((kind) => kind === 'file');
      this.exists.set(uri, known);
    }
    return known;
  }

  /**
   * GitHub URLs for the template's relative links. cncf/toc's templates write `../toc_subprojects/…`,
   * which from `operations/toc-templates/` names no file: the file meant sits at the repository's
   * root. A link is taken as written when that file exists, else from the root when that one does.
   */
  private async resolveLinks(templateUri: string, repositoryRoot: string, urls: string[]): Promise<Map<string, string>> {
    const resolved = new Map<string, string>();
    const folder = Utils.dirname(URI.parse(templateUri));
    const root = URI.parse(repositoryRoot);
    for (const url of urls) {
      const [path, fragment] = splitFragment(url);
      const asWritten = Utils.resolvePath(folder, path);
      const fromRoot = Utils.resolvePath(root, path.replace(/^(\.\.\/)+/, ''));
      let target = asWritten;
      if ((await this.host.stat(asWritten.toString())) === undefined && (await this.host.stat(fromRoot.toString())) !== undefined) target = fromRoot;
      const rootPath = root.path.replace(/\/$/, '');
      if (!target.path.startsWith(`${rootPath}/`)) continue;
      resolved.set(url, `https://github.com/${TOC}/blob/main/${target.path.slice(rootPath.length + 1)}${fragment}`);
    }
    return resolved;
  }
}

function splitFragment(url: string): [string, string] {
  const hash = url.indexOf('#');
  return hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
}
