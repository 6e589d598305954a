/**
 * A parser for the VS Code snippet body syntax (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar),
 * strict where VS Code is lenient: a bare `$` that starts nothing, an unknown variable (VS Code turns
 * `$PROJECT` into a placeholder named PROJECT, which in a governance snippet is always a missing `\\$`)
 * and transforms (unused here) are errors.
 */

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

export const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER',
  'TM_FILENAME', 'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD',
  'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER',
  'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR', 'CURRENT_MINUTE',
  'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET',
  'RANDOM', 'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

export class SnippetSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at offset ${offset}`);
  }
}

export function parseSnippet(body: string): SnippetNode[] {
  const parser = new Parser(body);
  const nodes = parser.parseSequence(false);
  if (!parser.atEnd()) throw new SnippetSyntaxError('unexpected "}"', parser.position);
  return nodes;
}

class Parser {
  position = 0;

  constructor(private readonly source: string) {}

  atEnd(): boolean {
    return this.position >= this.source.length;
  }

  /** Text and elements up to the end, or up to the `}` that closes the enclosing placeholder. */
  parseSequence(insidePlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flushText = () => {
      if (text !== '') nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (!this.atEnd()) {
      const char = this.source[this.position];
      if (char === '\\' && /[$}\\]/.test(this.source[this.position + 1] ?? '')) {
        text += this.source[this.position + 1];
        this.position += 2;
      } else if (char === '$') {
        flushText();
        nodes.push(this.parseDollar());
      } else if (char === '}' && insidePlaceholder) {
        break;
      } else {
        text += char;
        this.position++;
      }
    }
    flushText();
    return nodes;
  }

  private parseDollar(): SnippetNode {
    const start = this.position;
    this.position++; // `$`
    const simple = /^(?:(\d+)|([_a-zA-Z][_a-zA-Z0-9]*))/.exec(this.source.slice(this.position));
    if (simple) {
      this.position += simple[0].length;
      return simple[1] !== undefined ? { kind: 'tabstop', index: Number(simple[1]) } : this.variable(simple[2], start);
    }
    if (this.source[this.position] !== '{') throw new SnippetSyntaxError('bare "$" (escape it as "\\$")', start);
    this.position++;
    const head = /^(?:(\d+)|([_a-zA-Z][_a-zA-Z0-9]*))/.exec(this.source.slice(this.position));
    if (!head) throw new SnippetSyntaxError('"${" not followed by a tab stop number or a variable name', start);
    this.position += head[0].length;
    const next = this.source[this.position];
    if (next === '}') {
      this.position++;
      return head[1] !== undefined ? { kind: 'tabstop', index: Number(head[1]) } : this.variable(head[2], start);
    }
    if (next === ':') {
      this.position++;
      const children = this.parseSequence(true);
      if (this.source[this.position] !== '}') throw new SnippetSyntaxError('unclosed placeholder', start);
      this.position++;
      return head[1] !== undefined
        ? { kind: 'placeholder', index: Number(head[1]), children }
        : this.variable(head[2], start, children);
    }
    if (next === '|' && head[1] !== undefined) {
      const close = this.source.indexOf('|}', this.position + 1);
      if (close === -1) throw new SnippetSyntaxError('unclosed choice', start);
      const options = this.source.slice(this.position + 1, close).split(/(?<!\\),/).map((option) => option.replace(/\\([,|\\])/g, '$1'));
      this.position = close + 2;
      return { kind: 'choice', index: Number(head[1]), options };
    }
    if (next === '/') throw new SnippetSyntaxError('transforms are not supported by this checker', start);
    throw new SnippetSyntaxError(next === undefined ? 'unclosed "${"' : `unexpected "${next}" after "\${${head[0]}"`, start);
  }

  private variable(name: string, start: number, children?: SnippetNode[]): SnippetNode {
    if (!KNOWN_VARIABLES.has(name)) throw new SnippetSyntaxError(`unknown variable "${name}" (escape a literal "$" as "\\$")`, start);
    return children ? { kind: 'variable', name, children } : { kind: 'variable', name };
  }
}

/** Tab stop numbers in order of appearance, nested ones included. */
export function tabStops(nodes: readonly SnippetNode[]): number[] {
  const found: number[] = [];
  const visit = (list: readonly SnippetNode[]) => {
    for (const node of list) {
      if (node.kind === 'tabstop' || node.kind === 'choice') found.push(node.index);
      if (node.kind === 'placeholder') {
        found.push(node.index);
        visit(node.children);
      }
      if (node.kind === 'variable' && node.children) visit(node.children);
    }
  };
  visit(nodes);
  return found;
}

/**
 * Inserts the snippet as VS Code would after the user typed `values` into the tab stops: a tab stop
 * left alone keeps its default, and `$1` mirrors the default that `${1:…}` gives elsewhere.
 */
export function expandSnippet(
  nodes: readonly SnippetNode[],
  values: Readonly<Record<number, string>> = {},
  variables: Readonly<Record<string, string>> = {},
): string {
  const defaults = new Map<number, readonly SnippetNode[]>();
  const collectDefaults = (list: readonly SnippetNode[]) => {
    for (const node of list) {
      if (node.kind === 'placeholder') {
        if (!defaults.has(node.index)) defaults.set(node.index, node.children);
        collectDefaults(node.children);
      }
      if (node.kind === 'variable' && node.children) collectDefaults(node.children);
    }
  };
  collectDefaults(nodes);

  const expand = (list: readonly SnippetNode[]): string =>
    list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'tabstop': {
            const fallback = defaults.get(node.index);
            return values[node.index] ?? (fallback ? expand(fallback) : '');
          }
          case 'placeholder':
            return values[node.index] ?? expand(node.children);
          case 'choice':
            return values[node.index] ?? node.options[0];
          case 'variable':
            return variables[node.name] ?? (node.children ? expand(node.children) : '');
        }
      })
      .join('');
  return expand(nodes);
}
