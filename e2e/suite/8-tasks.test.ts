// A task running `govmd check` (the workspace's .vscode/tasks.json, as a user writes it) fills
// the Problems panel through the extension's `$govmd` problem matcher: the same findings, at the
// same places, with the same severities as the CLI's JSON report of the same command (which, like
// the task, leaves hints to the editor) — as far as a problem matcher can say them: findings of one
// code at one place are one marker (VS Code keys a matcher's markers without their message).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fileUri, govmdCheck, keysOfCli, keysOfDiagnostics, SEED_DD, SEED_MEETING, waitFor } from './helpers';

const CHECK_TASK = 'govmd check';
/** The problem matcher's `source`, which tells its markers from the language server's (`govmd`). */
const MATCHER_SOURCE = 'govmd check';

suite('Tasks', () => {
  suiteSetup(activateExtension);

  test('the govmd check task fills the Problems panel through $govmd', async () => {
    const task = (await vscode.tasks.fetchTasks()).find((t) => t.name === CHECK_TASK);
    assert.ok(task, `the workspace's "${CHECK_TASK}" task`);
    // The task's own command line: `govmd check .`.
    const expected = govmdCheck(['.']);
    const ended = new Promise<number | undefined>((resolve) => {
      const listener = vscode.tasks.onDidEndTaskProcess((event) => {
        if (event.execution.task.name !== CHECK_TASK) return;
        listener.dispose();
        resolve(event.exitCode);
      });
    });
    await vscode.tasks.executeTask(task);
    // govmd check exits 1: the seed DD has errors.
    assert.equal(await ended, 1);
    for (const file of [SEED_DD, SEED_MEETING]) {
      // VS Code's problem collector keys a marker by its place, code and severity, not its message:
      // two findings of one code at one place are one marker of the task.
      const want = [...new Set(keysOfCli(expected.filter((f) => f.file === file)))];
      assert.ok(want.length > 0, file);
      const taskMarkers = () => vscode.languages.getDiagnostics(fileUri(file)).filter((d) => d.source === MATCHER_SOURCE);
      await waitFor(`${want.length} markers of the task on ${file}`, () => taskMarkers().length === want.length, 15_000).catch(() => undefined);
      const everywhere = vscode.languages.getDiagnostics().map(([uri, list]) => `${vscode.workspace.asRelativePath(uri)}: ${list.filter((d) => d.source === MATCHER_SOURCE).length}`);
      assert.deepEqual(keysOfDiagnostics(taskMarkers()), want, `the task's markers on ${file} vs. govmd check --format json (task markers per file: ${everywhere.join(', ')})`);
      const message = taskMarkers().find((d) => typeof d.code === 'string' && d.code === 'malformed-url');
      if (file === SEED_DD) assert.match(message?.message ?? '', /^Malformed URL: /);
    }
  });
});
