// The extension-tests entry point VS Code loads in its extension host (`extensionTestsPath`):
// compiled to CommonJS, it exports run(), which VS Code awaits; a rejection is a failed run.
// Used as it is by code-server (npm run test:e2e) and by @vscode/test-electron (npm run test:vscode).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90_000, reporter: 'spec' });
  const grep = process.env.E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  const results = { passed: [] as string[], failed: [] as { title: string; error: string }[], summary: '' };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      results.summary = `${results.passed.length} passed, ${results.failed.length} failed`;
      if (process.env.E2E_TEST_OUT) fs.writeFileSync(process.env.E2E_TEST_OUT, JSON.stringify(results, null, 2));
      // Alone on its line: the closing line CI reads.
      console.log(results.summary);
      if (failures) reject(new Error(`${failures} extension test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.passed.push(test.fullTitle()));
    runner.on('fail', (test, error) => results.failed.push({ title: test.fullTitle(), error: String((error as Error)?.stack ?? error) }));
  });
}
