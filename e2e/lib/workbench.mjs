// What a person sees in the VS Code workbench, read from its DOM in Chromium: the Problems panel
// lists what `govmd check` reports (code, line, column, per file), the status bar shows the DD's
// progress, the light bulb's menu offers "Mark criterion met" and applying it ticks the box, Show
// Criteria Progress draws the DD's chart beside it and redraws it as the DD changes.
// Screenshots of the editor with its diagnostics, of the quick-fix menu and of the progress chart
// go to `screenshots`.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { cliFindings, cliProgress } from './cli.mjs';
import { SEED_DD } from './workspace.mjs';

const EDITOR = '.editor-instance .monaco-editor';
const GOVERNANCE_COMMANDS = [
  'Governance: New Due Diligence Document', 'Governance: New Meeting Notes', 'Governance: Show Criteria Progress',
  'Governance: Go to Next Open Criterion', 'Governance: Go to Previous Open Criterion', 'Governance: Toggle Criterion',
  'Governance: Insert TODO Block', 'Governance: Export Open Items', 'Governance: Check External Links',
  'Governance: Show Duplicates', 'Governance: Restart Server',
];

export async function runWorkbench({ playwright, repo, url, workspace, outDir, screenshots }) {
  mkdirSync(outDir, { recursive: true });
  // The Problems panel lists every severity but hint (VS Code shows hints only as dots in the editor).
  const expected = cliFindings(repo, workspace).filter((f) => f.severity !== 'hint');
  const ddFindings = expected.filter((f) => f.file === SEED_DD);
  const firstOpen = ddFindings.filter((f) => f.code === 'unchecked-criterion').sort((a, b) => a.line - b.line)[0];
  const required = /DD (\d+)\/(\d+) required/;
  // The seed as it is before any edit of this run.
  const seedProgress = cliProgress(repo, workspace, SEED_DD);
  const { met, total } = seedProgress.required;
  const checks = [];
  const check = (name, ok, detail = '') => {
    checks.push({ name, ok, detail });
    console.log(`  ${ok ? '✔' : '✘'} ${name}${detail ? ` — ${detail}` : ''}`);
    return ok;
  };

  const browser = await launchBrowser(playwright);
  const { page } = browser;
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  const started = Date.now();
  const shot = async (name) => {
    const file = join(outDir, name);
    await page.screenshot({ path: file });
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      copyFileSync(file, join(screenshots, name));
    }
    console.log(`  screenshot ${screenshots ? join(screenshots, name) : file}`);
  };

  try {
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
    // Click the file in the Explorer, as a person would (Ctrl+P does not reach Quick Open headless).
    await page.click(`.explorer-folders-view .monaco-list-row[aria-label^="${SEED_DD}"]`);
    await page.waitForSelector(`${EDITOR} .view-lines`, { timeout: 30_000 });

    // The status bar: `DD 26/43 required` for the active DD.
    const status = await waitForText(page, '.statusbar-item', required, 60_000);
    const progress = execOrUndefined(required, status);
    check('the status bar shows the DD progress', progress?.[0] === `DD ${met}/${total} required`,
      `${status ? `"${status.trim()}"` : `no DD progress among "${await statusText(page)}"`}; govmd progress says ${met}/${total}`);
    if (status) console.log(`  first diagnostics and status bar ${Date.now() - started} ms after the page was opened`);

    // The Problems panel: every finding of the workspace, with its code, in its file.
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
    const want = keysByFile(expected);
    let rows = [];
    let have = new Map();
    const deadline = Date.now() + 60_000;
    do {
      rows = await readProblems(page);
      have = keysFromRows(rows);
      if (sameKeys(have, want)) break;
      await page.waitForTimeout(1000);
    } while (Date.now() < deadline);
    writeFileSync(join(outDir, 'problems-rows.json'), JSON.stringify(rows, null, 2));
    check(`the Problems panel lists the ${ddFindings.length} findings of ${SEED_DD} with their codes`,
      sameList(have.get(SEED_DD) ?? [], want.get(SEED_DD)), describeDifference(have.get(SEED_DD) ?? [], want.get(SEED_DD)));
    check(`the Problems panel lists all ${expected.length} findings of the workspace, file by file`, sameKeys(have, want),
      [...new Set([...want.keys(), ...have.keys()])].filter((f) => !sameList(have.get(f) ?? [], want.get(f) ?? []))
        .map((f) => `${f}: ${describeDifference(have.get(f) ?? [], want.get(f) ?? [])}`).join('; '));
    const openCriteriaRows = rows.filter((r) => /unchecked-criterion \[Ln/.test(r.text)).length;
    check('19 open criteria are listed', openCriteriaRows === 19, `${openCriteriaRows} rows with unchecked-criterion`);

    // Screenshot 1: a finding's squiggle and hover — the bare domain used as a link target
    // (`[Sandbox](sandbox.cncf.io)`) where the link rules report it, else the first open criterion.
    const shown = ddFindings.find((f) => f.code === 'malformed-url' && /sandbox\.cncf\.io/.test(f.message)) ?? firstOpen;
    await goTo(page, shown.line, shown.column + 1);
    await page.keyboard.press('Control+k');
    await page.keyboard.press('Control+i');
    const hover = await page.waitForSelector('.monaco-hover:not(.hidden)', { timeout: 10_000 }).then(() => true, () => false);
    await page.waitForTimeout(500);
    const hoverText = hover ? (await page.innerText('.monaco-hover:not(.hidden)')).replace(/\s+/g, ' ') : '';
    check(`hovering line ${shown.line} shows its ${shown.code} diagnostic`, hoverText.includes(shown.code) && hoverText.includes(shown.message.slice(0, 30)), hoverText.slice(0, 140));
    await shot('editor-diagnostics.png');
    await page.keyboard.press('Escape');

    // Screenshot 2: the light bulb's menu at the first open criterion; then apply "Mark criterion met".
    await goTo(page, firstOpen.line, firstOpen.column + 1);
    await page.keyboard.press('Control+.');
    const menu = await page.waitForSelector('.action-widget .monaco-list-row.action', { timeout: 15_000 }).then(() => true, () => false);
    const items = menu ? await page.$$eval('.action-widget .monaco-list-row.action', (els) => els.map((e) => e.innerText.trim())) : [];
    check('the quick-fix menu offers "Mark criterion met"', items.includes('Mark criterion met'), items.join(' | '));
    await page.waitForTimeout(300);
    await shot('quick-fix.png');
    if (items.includes('Mark criterion met')) {
      await page.click('.action-widget .monaco-list-row.action:has-text("Mark criterion met")');
      const line = await waitForLine(page, firstOpen.line, /- \[x\] \*\*/, 15_000);
      check(`applying it ticks the box on line ${firstOpen.line}`, Boolean(line), line ?? 'the line did not change');
      const after = await waitForText(page, '.statusbar-item', new RegExp(`DD ${met + 1}/${total} required`), 15_000);
      check('the status bar counts it', Boolean(after), after ?? `still "${await statusText(page)}"`);
      let remaining;
      let lastRows = [];
      await waitFor(async () => {
        lastRows = await readProblems(page);
        remaining = lastRows.filter((r) => /unchecked-criterion \[Ln/.test(r.text)).length;
        return remaining === 18;
      }, 15_000);
      writeFileSync(join(outDir, 'problems-rows-after-fix.json'), JSON.stringify(lastRows, null, 2));
      check('and the Problems panel drops its finding', remaining === 18, `${remaining} open criteria listed`);
    } else {
      await page.keyboard.press('Escape');
    }

    // The command palette lists every "Governance" command.
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
    await page.keyboard.type('Governance: ');
    await page.waitForTimeout(800);
    const palette = await page.$$eval('.quick-input-list .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') ?? e.innerText));
    const missing = GOVERNANCE_COMMANDS.filter((c) => !palette.some((label) => label.startsWith(c)));
    check('the command palette lists the Governance commands', missing.length === 0, missing.length ? `missing: ${missing.join(', ')}` : `${GOVERNANCE_COMMANDS.length} commands`);

    // New Due Diligence Document, as a person runs it: the level from a list, the project typed.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('>Governance: New Due Diligence Document');
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    const picked = await waitForQuickInput(page, /sandbox/i);
    check('it asks for the level first', Boolean(picked));
    if (picked) {
      await page.keyboard.type('incubation');
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      await waitForQuickInput(page, /Project name/i);
      await page.keyboard.type('Dragonfly');
      await page.keyboard.press('Enter');
    }
    // An untitled editor is named after its first line: any new active tab is the new document.
    const newTab = await waitFor(async () => {
      const label = await page.$eval('.tabs-container .tab.active', (e) => e.getAttribute('aria-label') ?? '');
      return label.startsWith(SEED_DD) ? undefined : label;
    }, 15_000);
    const text = newTab ? (await page.innerText(`${EDITOR} .view-lines`)).replace(/\u00a0/g, ' ') : '';
    const notices = await page.$$eval('.notifications-toasts .notification-toast', (els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim())).catch(() => []);
    check('Governance: New Due Diligence Document opens a new DD (server command govmd.newDueDiligence)',
      Boolean(newTab) && /Dragonfly/.test(text) && /incubation/i.test(text) && /Due Diligence/.test(text),
      newTab ? text.split('\n')[0] : `no new editor opened${notices.length ? `; notifications: ${notices.join(' | ')}` : ''}`);

    // Show Criteria Progress on the seed DD (which still holds the quick fix above): the chart
    // opens beside it with the six areas, then follows the undo of that fix.
    await page.click(`.tabs-container .tab[aria-label^="${SEED_DD}"]`);
    await page.waitForTimeout(300);
    await runCommand(page, 'Governance: Show Criteria Progress');
    const chart = await waitFor(() => chartFrame(page), 20_000);
    const seed = Object.fromEntries(seedProgress.areas.map((area) => [area.title, [label(area.required), label(area.suggested)]]));
    const fixedArea = seedProgress.areas.filter((area) => area.line < firstOpen.line).at(-1);
    const withFix = { ...seed, [fixedArea.title]: [label({ ...fixedArea.required, met: fixedArea.required.met + 1 }), label(fixedArea.suggested)] };
    let drawn = chart ? await chartAreas(chart) : {};
    check(`Show Criteria Progress draws the ${seedProgress.areas.length} areas of ${SEED_DD} beside it, the quick fix counted`,
      Boolean(chart) && seedProgress.areas.length === 6 && sameChart(drawn, withFix), chart ? describeChart(drawn, withFix) : 'no webview with a chart');
    if (chart) {
      await page.click(`${EDITOR} .view-lines`);
      await page.keyboard.press('Control+z');
      const followed = await waitFor(async () => sameChart(drawn = await chartAreas(await chartFrame(page)), seed), 15_000);
      check('the chart follows the edit: undoing the fix draws the seed\'s figures again', Boolean(followed), describeChart(drawn, seed));
      await page.waitForTimeout(300);
      await shot('progress.png');
    }
  } catch (error) {
    check('the workbench run completed', false, String(error?.message ?? error).split('\n')[0]);
    await page.screenshot({ path: join(outDir, 'failure.png') }).catch(() => {});
  } finally {
    writeFileSync(join(outDir, 'checks.json'), JSON.stringify(checks, null, 2));
    writeFileSync(join(outDir, 'page-console.log'), consoleLines.join('\n') + '\n');
    await browser.close();
  }
  return checks;
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
  await page.keyboard.type(title);
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
}

/** The frame of the progress webview (webviews nest their page in an iframe of an iframe). */
async function chartFrame(page) {
  for (const frame of page.frames()) {
    if (await frame.$('.chart svg').catch(() => null)) return frame;
  }
  return undefined;
}

/** Area → the labels of its Required and Suggested bars, as the picture shows them. */
async function chartAreas(frame) {
  if (!frame) return {};
  const areas = await frame.$$eval('g.area', (groups) => groups.map((g) => [
    g.getAttribute('data-area'),
    [...g.querySelectorAll('g.bar')].map((bar) => bar.querySelector('text')?.textContent ?? ''),
  ]));
  return Object.fromEntries(areas.filter(([area]) => area !== 'All areas'));
}

function label(progress) {
  return progress.total === 0 ? '—' : `${progress.met}/${progress.total}`;
}

function sameChart(drawn, want) {
  return JSON.stringify(drawn) === JSON.stringify(want);
}

function describeChart(drawn, want) {
  const show = (chart) => Object.entries(chart).map(([area, [required, suggested]]) => `${area} ${required}·${suggested}`).join(', ');
  return sameChart(drawn, want) ? show(drawn) : `drawn: ${show(drawn) || 'nothing'}; expected: ${show(want)}`;
}

async function goTo(page, line, column) {
  await page.click(`${EDITOR} .view-lines`);
  await page.keyboard.press('Control+g');
  await page.waitForSelector('.quick-input-widget input', { timeout: 10_000 });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(400);
}

/** Rows of the Problems panel, scrolled through: the list renders only the rows in view. */
async function readProblems(page) {
  const seen = new Map();
  const visible = () => page.$$eval('.markers-panel .monaco-list-row', (els) =>
    els.map((r) => ({ index: Number(r.dataset.index), aria: r.getAttribute('aria-label') ?? '', text: r.innerText.replace(/\s+/g, ' ').trim() })));
  await page.hover('.markers-panel .monaco-list');
  await scrollProblemsToTop(page);
  for (let stale = 0, i = 0; stale < 3 && i < 400; i++) {
    let added = 0;
    for (const row of await visible()) if (!seen.has(row.index)) { seen.set(row.index, row); added++; }
    stale = added ? 0 : stale + 1;
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(60);
  }
  await scrollProblemsToTop(page);
  return [...seen.values()].sort((a, b) => a.index - b.index);
}

async function scrollProblemsToTop(page) {
  for (let i = 0; i < 200; i++) {
    // The scrollbar's slider says where the list is; a row's position does not (the tree keeps
    // its file rows pinned at the top while their problems scroll under them).
    const atTop = await page.$eval('.markers-panel .monaco-list', (list) => {
      const slider = list.querySelector('.scrollbar.vertical .slider');
      return !slider || parseFloat(slider.style.top || '0') <= 0;
    }).catch(() => false);
    if (atTop) return;
    await page.mouse.wheel(0, -2000);
    await page.waitForTimeout(40);
  }
}

/** `L14:5 placeholder` per file, from the panel's file rows and the marker rows under them. */
function keysFromRows(rows) {
  const byFile = new Map();
  let file;
  for (const row of rows) {
    const group = /^\d+ problems? in file (.+) of folder (.+)$/.exec(row.aria);
    if (group) {
      file = group[2] === '.' ? group[1] : `${group[2]}/${group[1]}`;
      continue;
    }
    const marker = /govmd\s*\(?([\w-]+)\)?\s*\[Ln (\d+), Col (\d+)\]$/.exec(row.text);
    if (marker && file) push(byFile, file, `L${marker[2]}:${marker[3]} ${marker[1]}`);
  }
  for (const list of byFile.values()) list.sort();
  return byFile;
}

function keysByFile(findings) {
  const byFile = new Map();
  for (const f of findings) push(byFile, f.file, `L${f.line}:${f.column} ${f.code}`);
  for (const list of byFile.values()) list.sort();
  return byFile;
}

function push(map, key, value) {
  if (!map.has(key)) map.set(key, []);
  map.get(key).push(value);
}

function sameList(a, b = []) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameKeys(have, want) {
  const files = new Set([...have.keys(), ...want.keys()]);
  return [...files].every((f) => sameList(have.get(f) ?? [], want.get(f) ?? []));
}

function describeDifference(have, want = []) {
  const missing = want.filter((k) => !have.includes(k));
  const extra = have.filter((k) => !want.includes(k));
  if (!missing.length && !extra.length) return `${have.length} rows`;
  return `${have.length} rows, ${want.length} expected; missing ${missing.slice(0, 5).join(', ') || 'none'}; unexpected ${extra.slice(0, 5).join(', ') || 'none'}`;
}

function execOrUndefined(pattern, text) {
  return text ? pattern.exec(text) ?? undefined : undefined;
}

async function statusText(page) {
  return (await page.$$eval('.statusbar-item', (els) => els.map((e) => e.innerText.trim()))).join(' | ');
}

async function waitForText(page, selector, pattern, ms) {
  return waitFor(async () => {
    const texts = await page.$$eval(selector, (els) => els.map((e) => e.innerText));
    return texts.find((t) => pattern.test(t));
  }, ms);
}

async function waitForLine(page, line, pattern, ms) {
  return waitFor(async () => {
    const text = await lineShown(page, line);
    return text && pattern.test(text) ? text : undefined;
  }, ms);
}

/** The text of a line as rendered (the line-number gutter tells which view line it is). */
async function lineShown(page, line) {
  return page.evaluate(({ editor, line }) => {
    const root = document.querySelector(editor);
    const number = [...root.querySelectorAll('.line-numbers')].find((n) => n.textContent.trim() === String(line));
    if (!number) return undefined;
    const top = number.parentElement.style.top;
    const view = [...root.querySelectorAll('.view-lines .view-line')].find((v) => v.style.top === top);
    return view?.textContent.replace(/\u00a0/g, ' ');
  }, { editor: EDITOR, line });
}

async function waitForQuickInput(page, pattern) {
  return waitFor(async () => {
    const texts = await page.$$eval('.quick-input-widget', (els) => els.filter((e) => e.style.display !== 'none').map((e) => e.innerText));
    return texts.find((t) => pattern.test(t));
  }, 10_000);
}

async function waitFor(probe, ms) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch { /* the page is still changing */ }
    if (Date.now() > end) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
