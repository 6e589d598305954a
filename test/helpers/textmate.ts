import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

export const INJECTION_SCOPE = 'markdown.governance.injection';
const ROOT = path.resolve(__dirname, '../..');

// The base grammars are VS Code's own: tm-grammars ships markdown-basics' markdown.tmLanguage.json
// and the html grammars it includes (`text.html.derivative` scopes inline HTML comments), so the
// injection is tested against exactly the rules it is injected into.
const GRAMMAR_FILES: Record<string, string> = {
  'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
  'text.html.derivative': require.resolve('tm-grammars/grammars/html-derivative.json'),
  'text.html.basic': require.resolve('tm-grammars/grammars/html.json'),
  [INJECTION_SCOPE]: path.join(ROOT, 'syntaxes/governance.injection.tmLanguage.json'),
};

export interface Token {
  text: string;
  /** Outermost first, without the root `text.html.markdown`. */
  scopes: string[];
}

let markdownGrammar: Promise<textmate.IGrammar> | undefined;

export function loadMarkdownGrammar(): Promise<textmate.IGrammar> {
  markdownGrammar ??= createRegistry().then(async (registry) => {
    const grammar = await registry.loadGrammar('text.html.markdown');
    if (!grammar) throw new Error('Markdown grammar did not load');
    return grammar;
  });
  return markdownGrammar;
}

async function createRegistry(): Promise<textmate.Registry> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  const onigLib = oniguruma.loadWASM(wasm).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  }));
  return new textmate.Registry({
    onigLib,
    async loadGrammar(scopeName) {
      const file = GRAMMAR_FILES[scopeName];
      if (!file) return null; // languages embedded in fenced code blocks: not needed here
      return textmate.parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
    // What `contributes.grammars[].injectTo: ["text.html.markdown"]` does in VS Code.
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [INJECTION_SCOPE] : undefined),
  });
}

/** Tokenizes a whole Markdown document, one array of tokens per line. */
export async function tokenizeMarkdown(markdown: string): Promise<Token[][]> {
  const grammar = await loadMarkdownGrammar();
  let ruleStack = textmate.INITIAL;
  return markdown.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, ruleStack);
    ruleStack = result.ruleStack;
    return result.tokens.map((token) => ({
      text: line.slice(token.startIndex, token.endIndex),
      scopes: token.scopes.slice(1),
    }));
  });
}
