// `npm run bench [-- cli|server|keystroke ...] [--quick] [options]`: what ships, measured as a user
// meets it (the CLI as a process, the server over stdio), beside VS Code's own Markdown engine on
// the same files in the same run. Nothing here asserts a time; the figures are for reading.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCli, type CliTarget } from './cli';
import { benchServerStartup } from './serverStartup';
import { benchKeystroke } from './keystroke';
import { writeGeneratedWorkspace } from './generatedWorkspace';
import { bundleMlsPeer } from './peers/bundle';

const BENCHES = ['cli', 'server', 'keystroke'] as const;
type Bench = (typeof BENCHES)[number];

const USAGE = `Usage: npm run bench -- [${BENCHES.join('|')} ...] [options]
  (no bench named: all three)
  --quick              one round, 1,000 generated files for the CLI, 200 keystrokes
  --rounds N           interleaved rounds of each process measure (default 3; --quick 1)
  --corpus DIR         the real workspace (default test/corpus if present, else ../shared/corpus)
  --folder DIR         what the CLI bench checks (default <corpus>/cncf/toc)
  --dd PATH            the DD the server bench opens, relative to the corpus
                       (default cncf/toc/projects/kyverno/kyverno-graduation-due-diligence.md)
  --files N,N          generated workspaces for the CLI bench (default 1000,10000; --quick 1000)
  --edits N            keystrokes typed into each file (default 2000; --quick 200)
  --pace MS            milliseconds between keystrokes (default 50)
  --workspace-files N  generated files around the typed ones (default 2000)`;

const REPOSITORY = join(__dirname, '..');

function defaultCorpus(): string {
  const vendored = join(REPOSITORY, 'test', 'corpus');
  return existsSync(vendored) ? vendored : resolve(REPOSITORY, '..', 'shared', 'corpus');
}

function machine(): string {
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  return `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load average ${load}`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      corpus: { type: 'string' },
      folder: { type: 'string' },
      dd: { type: 'string', default: 'cncf/toc/projects/kyverno/kyverno-graduation-due-diligence.md' },
      files: { type: 'string' },
      edits: { type: 'string' },
      pace: { type: 'string', default: '50' },
      'workspace-files': { type: 'string', default: '2000' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const unknown = positionals.filter((name) => !(BENCHES as readonly string[]).includes(name));
  if (unknown.length) throw new UsageError(`unknown bench ${unknown.join(', ')}`);
  const selected = (positionals.length ? positionals : BENCHES) as readonly Bench[];
  const count = (name: string, value: string | undefined, fallback: number) => {
    const number = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(number) || number < 1) throw new UsageError(`--${name} takes a whole number above 0, not ${value}`);
    return number;
  };
  const quick = values.quick;
  const rounds = count('rounds', values.rounds, quick ? 1 : 3);
  const corpus = resolve(values.corpus ?? defaultCorpus());
  const folder = resolve(values.folder ?? join(corpus, 'cncf', 'toc'));
  const generated = (values.files ?? (quick ? '1000' : '1000,10000')).split(',').map((n) => count('files', n, 0));
  const edits = count('edits', values.edits, quick ? 200 : 2000);

  const scratch = mkdtempSync(join(tmpdir(), 'govmd-bench-'));
  const began = performance.now();
  console.log(`govmd bench${quick ? ' (--quick)' : ''}: ${machine()}`);
  try {
    if (selected.includes('cli')) {
      const targets: CliTarget[] = [];
      if (existsSync(folder)) targets.push({ label: folder.startsWith(corpus) ? folder.slice(corpus.length + 1) || folder : folder, folder });
      else console.log(`\n(no folder ${folder}: the real workspace is left out)`);
      for (const files of generated) {
        const target = join(scratch, `generated-${files}`);
        writeGeneratedWorkspace(target, files);
        targets.push({ label: `generated`, folder: target });
      }
      const peerBundle = await bundleMlsPeer(scratch);
      console.log(`\n${await benchCli({ targets, rounds, peerBundle, scratch })}`);
    }
    if (selected.includes('server')) {
      if (existsSync(join(corpus, values.dd))) console.log(`\n${await benchServerStartup({ root: corpus, dd: values.dd, rounds })}`);
      else console.log(`\n(server: no DD ${values.dd} under ${corpus}; left out)`);
    }
    if (selected.includes('keystroke')) {
      const workspace = join(scratch, 'keystroke');
      const result = await benchKeystroke({ folder: workspace, workspaceFiles: count('workspace-files', values['workspace-files'], 2000), edits, paceMs: count('pace', values.pace, 50) });
      console.log(`\n${result}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`\nDone in ${((performance.now() - began) / 1000).toFixed(0)} s; ${machine()}`);
}

class UsageError extends Error {}

main().catch((error: Error) => {
  console.error(error instanceof UsageError ? `bench: ${error.message}\n${USAGE}` : (error.stack ?? error.message));
  process.exit(error instanceof UsageError ? 2 : 1);
});
