/**
 * Prioritize in a real browser (Chromium through playwright-core): the built Custom UI in the Jira shell, the
 * real bridge, the real resolvers and reorder consumer on the emulated Forge runtime, the local Jira site.
 *
 * The Product Owner scores board 1 with WSJF, checks an explanation by redoing its arithmetic, previews,
 * applies (Jira's order then has every listed move of the preview, and every issue in its value place) and
 * undoes (the original order is back). The table is virtualised (docs/adr/0011-view-snapshots.md): it
 * renders the rows in view, says how many there are (`aria-rowcount`) and fetches the rest as it scrolls.
 * The developer can preview but not apply: the button is disabled with the reason, the resolver refuses, and
 * the order does not change. Dark theme and the backlog action render too. Screenshots go to
 * /tmp/valuerank-prioritize-*.png for a person to look at.
 */
import { type Frame, type Locator } from 'playwright-core';
import { appFrame, luminance, openModule, useLocalSite, type OpenedModule } from '../support/e2e';

const SHOTS = '/tmp/valuerank-prioritize';

const site = useLocalSite();
const { server } = site;

/** Opens a module page; collects every console error and page error (CSP violations included). */
function open(
  accountId: string,
  options: { theme?: 'light' | 'dark'; module?: string; params?: string } = {},
): Promise<OpenedModule> {
  const module = options.module ?? 'valuerank-project-page';
  const params = options.params ?? 'project=TRAIL';
  return openModule(
    site.browser,
    `${server.url}/module/${module}?as=${accountId}&${params}&theme=${options.theme ?? 'light'}`,
  );
}

/** The board's backlog as Jira reports it now (rank order), read from the local site's REST API. */
async function backlogOrder(boardId: number): Promise<string[]> {
  const keys: string[] = [];
  for (let startAt = 0; ; startAt += 50) {
    const res = await fetch(
      `${server.url}/rest/agile/1.0/board/${boardId}/backlog?startAt=${startAt}&maxResults=50&fields=summary`,
      { headers: { 'X-Local-User': 'local-po', accept: 'application/json' } },
    );
    expect(res.status).toBe(200);
    const page = (await res.json()) as { total: number; issues: Array<{ key: string }> };
    keys.push(...page.issues.map((i) => i.key));
    if (page.issues.length === 0 || keys.length >= page.total) return keys;
  }
}

/** The preview as `prioritize.preview` answers it: counts, and the first moves and calls. */
interface Preview {
  fingerprint: string;
  total: number;
  moved: number;
  calls: unknown[];
  callCount: number;
  naive: { perMovedIssue: number; chunksOf50: number };
  moves: Array<{ key: string; from: number; to: number }>;
  moveCount: number;
}

/** Clicks "Preview new order" and answers the preview the UI received (the shell's /_local/invoke call). */
async function previewFromUi(opened: OpenedModule): Promise<Preview> {
  const answer = opened.page.waitForResponse(
    (r) =>
      r.url().endsWith('/_local/invoke') && (r.request().postData() ?? '').includes('"prioritize.preview"'),
  );
  await opened.ui.getByRole('button', { name: 'Preview new order' }).click();
  const body = (await (await answer).json()) as { ok: boolean; data: Preview };
  expect(body.ok).toBe(true);
  await opened.ui.getByRole('heading', { name: 'Preview: the new order' }).waitFor();
  return body.data;
}

/** `(8 + 5 + 3) / 5` → 3.2: the substituted arithmetic of an explanation, redone as a person would. */
function arithmetic(text: string): number {
  const tokens = text.match(/\d+(?:\.\d+)?(?:e[+-]?\d+)?|[-+*/×÷−()]/gi) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const primary = (): number => {
    const t = tokens[i++];
    if (t === '(') {
      const v = sum();
      i += 1; // ')'
      return v;
    }
    if (t === '-' || t === '−') return -primary();
    return Number(t);
  };
  const product = (): number => {
    let v = primary();
    while (['*', '×', '/', '÷'].includes(peek() ?? '')) {
      const op = tokens[i++];
      const r = primary();
      v = op === '*' || op === '×' ? v * r : v / r;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (['+', '-', '−'].includes(peek() ?? '')) {
      const op = tokens[i++];
      const r = product();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  };
  return sum();
}

/** The accessible description of an element: the text of the elements its aria-describedby names. */
async function describedBy(frame: Frame, locator: Locator): Promise<string> {
  const ids = (await locator.getAttribute('aria-describedby')) ?? '';
  return frame.evaluate<string>(
    `${JSON.stringify(ids.split(' ').filter(Boolean))}.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')`,
  );
}

/** The rows the virtualised table shows now (loaded ones only), cell texts in order. */
const rows = (frame: Frame) =>
  frame.evaluate<string[][]>(
    "Array.from(document.querySelectorAll('.vr-ranked-row'), (tr) => Array.from(tr.querySelectorAll('th, td'), (c) => c.textContent ?? ''))",
  );

/** How many rows the table says it has (`aria-rowcount` counts the header row too). */
const rowCount = async (frame: Frame) =>
  Number(await frame.locator('table[aria-rowcount]').first().getAttribute('aria-rowcount')) - 1;

/** Waits until the table shows loaded rows (not only "Loading…" placeholders), and answers them. */
async function shownRows(opened: OpenedModule): Promise<string[][]> {
  await opened.ui.locator('.vr-ranked-row').first().waitFor({ timeout: 30_000 });
  return rows(appFrame(opened.page));
}

it('lets the Product Owner score with WSJF, explain a score, preview, apply, verify and undo', async () => {
  const opened = await open('local-po');
  const { page, ui, errors } = opened;
  const original = await backlogOrder(1);
  expect(original.length).toBeGreaterThan(100);

  // Prioritize is the default tab (TRAIL has a scrum board); board 1 is chosen.
  await ui.getByRole('tab', { name: 'Prioritize', selected: true }).waitFor();
  await ui.getByRole('heading', { name: /^TRAIL board, ranked by / }).waitFor({ timeout: 30_000 });
  expect(await ui.getByLabel('Board').inputValue()).toBe('1');

  // Another model, then WSJF.
  await ui.getByLabel('Scoring model').selectOption('rice');
  await ui.getByRole('heading', { name: 'TRAIL board, ranked by RICE' }).waitFor({ timeout: 30_000 });
  await ui.getByLabel('Scoring model').selectOption('wsjf');
  await ui.getByRole('heading', { name: 'TRAIL board, ranked by WSJF' }).waitFor({ timeout: 30_000 });
  await ui.getByText('WSJF is TRAIL’s model.').waitFor();

  const frame = appFrame(page);
  const table = await shownRows(opened);
  // Every issue is counted; only the rows in view (and a few either side) are rendered.
  expect(await rowCount(frame)).toBe(original.length);
  expect(table.length).toBeGreaterThan(10);
  expect(table.length).toBeLessThan(original.length);
  // Value order: the first row has value rank 1, a key, and a score (after the select box and the rank).
  expect(table[0]?.[2]).toMatch(/^1\b/);
  expect(table[0]?.[3]).toMatch(/^TRAIL-\d+$/);
  const scores = table.map((r) => r[7] ?? '');
  expect(scores.filter((s) => /^(= )?\d/.test(s)).length).toBeGreaterThan(10);
  // Unscored issues show a dash and say why in their accessible description.
  const unscored = ui.getByRole('button', { name: /^Unscored: explain/ }).first();
  if (await unscored.count()) {
    expect((await describedBy(appFrame(page), unscored)).length).toBeGreaterThan(5);
  }
  await page.screenshot({ path: `${SHOTS}-table.png` });

  // The explanation of the top score: inputs with sources, the formula, the arithmetic and the result.
  const firstKey = table[0]?.[3] as string;
  await ui.getByRole('button', { name: new RegExp(`explain the score of ${firstKey}$`) }).click();
  const dialog = ui.getByRole('dialog', { name: `${firstKey}: how the score is calculated` });
  await dialog.waitFor();
  await dialog.getByText('(businessValue + timeCriticality + riskReduction) / jobSize').waitFor();
  await dialog.getByRole('rowheader', { name: /Business Value/ }).waitFor();
  await dialog
    .getByText(/customfield_10030/)
    .first()
    .waitFor();
  const math = await dialog.locator('.vr-explain__math dd').allTextContents();
  const [, substituted, result] = math;
  expect(substituted).toMatch(/^\(\d.*\) \/ \d/);
  const redone = arithmetic(substituted ?? '');
  const shown = Number((result ?? '').replace(/^=\s*/, '').split(' ')[0]);
  expect(Math.abs(redone - shown)).toBeLessThanOrEqual(0.005 + Math.abs(shown) * 1e-9);
  await dialog.getByRole('button', { name: 'History' }).click();
  await dialog
    .getByText(/Nobody has changed these inputs|Changes to the inputs of/)
    .first()
    .waitFor({ timeout: 20_000 });
  await page.screenshot({ path: `${SHOTS}-explanation.png` });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // Preview: the moved count and the rank calls against the naive strategies.
  const preview = await previewFromUi(opened);
  expect(preview.total).toBe(original.length);
  expect(preview.moved).toBeGreaterThan(0);
  expect(preview.callCount).toBeLessThanOrEqual(preview.naive.perMovedIssue);
  expect(preview.calls.length).toBe(Math.min(50, preview.callCount));
  // The listed moves start where the current order had them.
  for (const m of preview.moves) expect(original[m.from - 1]).toBe(m.key);
  // In plain words: how many move, in how many rank calls, against moving them one by one.
  await ui
    .getByText(
      `${preview.moved} issues move, in ${preview.callCount} rank call${preview.callCount === 1 ? '' : 's'} to Jira` +
        (preview.callCount < preview.naive.perMovedIssue
          ? ` (moving them one by one would take ${preview.naive.perMovedIssue}).`
          : '.'),
      { exact: true },
    )
    .waitFor();
  // The diff is in the grid: narrowed to the issues that move, each shows its place now → its new place.
  await ui.getByRole('checkbox', { name: 'Only issues that move' }).check();
  await ui.locator(`table[aria-rowcount="${preview.moveCount + 1}"]`).waitFor({ timeout: 30_000 });
  const diff = await shownRows(opened);
  // Each listed row is one of the preview's moves, with the preview's old and new places.
  const listed = new Map(preview.moves.map((m) => [m.key, m] as const));
  let checked = 0;
  for (const row of diff.slice(0, 20)) {
    const move = listed.get(row[3] as string);
    if (!move) continue;
    expect(Number(row[1])).toBe(move.from);
    expect(original[move.from - 1]).toBe(row[3]);
    // "143 → 1↑142": the place now, then the new place (the screen-reader text says "to").
    if (move.from !== move.to) expect(row[2]).toMatch(new RegExp(`^${move.from} → +to ${move.to}\\D`));
    checked += 1;
  }
  expect(checked).toBeGreaterThan(5);
  await page.screenshot({ path: `${SHOTS}-preview.png` });

  // Apply: progress, then "verified"; in Jira's order every listed move has happened.
  await ui.getByRole('button', { name: /^Apply \(/ }).click();
  await ui.getByRole('progressbar', { name: 'Reorder progress' }).waitFor();
  await ui.getByText(/^Reorder done: .*Verified ✓/).waitFor({ timeout: 60_000 });
  // A flag confirms it.
  await ui
    .getByRole('status')
    .getByText(`Applied: ${preview.moved} issues moved to their value place`)
    .waitFor();
  await page.screenshot({ path: `${SHOTS}-applied.png` });
  const applied = await backlogOrder(1);
  expect([...applied].sort()).toEqual([...original].sort());
  for (const m of preview.moves) expect(applied[m.to - 1]).toBe(m.key);
  // The table reloads: in value order, nothing is left to move.
  await ui.getByText(`${original.length} already in place`).waitFor({ timeout: 30_000 });

  // The reorder is listed: who, when, which model, how many moved.
  await ui.getByText('Past reorders').click();
  const entry = ui.getByRole('row', { name: /Amara Okafor|local-po/ }).first();
  await entry.waitFor({ timeout: 20_000 });
  expect(await entry.textContent()).toContain('WSJF');
  expect(await entry.textContent()).toContain(String(preview.moved));

  // Undo asks first, naming what will change; then the original order is back, and a flag says so.
  await ui.getByRole('button', { name: 'Undo last reorder' }).click();
  const confirm = ui.getByRole('dialog', { name: 'Undo the last reorder?' });
  await confirm
    .getByText(
      new RegExp(`^Undo the reorder of .+: ${preview.moved} issues go back to their previous places\\.$`),
    )
    .waitFor({ timeout: 20_000 });
  await page.screenshot({ path: `${SHOTS}-undo-confirm.png` });
  await confirm.getByRole('button', { name: 'Undo reorder' }).click();
  await ui.getByText(/^Undo done: /).waitFor({ timeout: 60_000 });
  await ui
    .getByRole('status')
    .getByText(`Undone: ${preview.moved} issues are back in their previous places`)
    .waitFor();
  expect(await backlogOrder(1)).toEqual(original);
  await page.screenshot({ path: `${SHOTS}-undone.png` });

  expect(errors).toEqual([]);
  await page.close();
}, 240_000);

it('lets the developer preview but not apply: disabled with the reason, refused by the resolver, order unchanged', async () => {
  const opened = await open('local-dev');
  const { page, ui, errors } = opened;
  const before = await backlogOrder(1);
  await ui.getByRole('heading', { name: /^TRAIL board, ranked by / }).waitFor({ timeout: 30_000 });
  await ui.getByText('Jira does not allow you to rank issues in TRAIL', { exact: false }).first().waitFor();

  const preview = await previewFromUi(opened);
  const apply = ui.getByRole('button', { name: /^Apply \(/ });
  expect(await apply.isDisabled()).toBe(true);
  expect(await describedBy(appFrame(page), apply)).toMatch(/Jira does not allow you to rank issues in TRAIL/);
  // No pins either.
  expect(
    await ui
      .getByRole('button', { name: /^Pin TRAIL-/ })
      .first()
      .isDisabled(),
  ).toBe(true);
  await page.screenshot({ path: `${SHOTS}-developer.png` });

  // Even if the button were enabled, the resolver refuses, in words the developer understands.
  const frame = appFrame(page);
  const answer = await frame.evaluate<{ ok: boolean; error?: { code: string; message: string } }>(
    `globalThis.__bridge.callBridge('invoke', ${JSON.stringify({
      functionKey: 'prioritize.apply',
      payload: { boardId: 1, fingerprint: preview.fingerprint },
    })})`,
  );
  expect(answer.ok).toBe(false);
  expect(answer.error?.code).toBe('forbidden');
  expect(answer.error?.message).toMatch(/TRAIL/);
  expect(await backlogOrder(1)).toEqual(before);

  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

it('renders the table and the value/effort chart in the dark theme, with keyboard access to the points', async () => {
  const { page, ui, errors } = await open('local-po', { theme: 'dark' });
  await ui.getByRole('heading', { name: /^TRAIL board, ranked by / }).waitFor({ timeout: 30_000 });
  const frame = appFrame(page);
  await frame.waitForFunction("document.documentElement.getAttribute('data-color-mode') === 'dark'");

  const chart = ui.getByRole('group', { name: 'Value against effort' });
  await chart.waitFor();
  for (const quadrant of ['Quick wins', 'Big bets', 'Fillers', 'Time sinks'])
    await chart.getByText(new RegExp(`^${quadrant} \\(\\d+\\)$`)).waitFor();
  const points = chart.getByRole('listitem');
  expect(await points.count()).toBeGreaterThan(10);

  // Token colours: dark surface, light text, coloured points.
  const colours = await frame.evaluate<{ body: string; text: string; point: string }>(`(() => {
    const point = document.querySelector('.vr-chart__point');
    return {
      body: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
      point: point ? getComputedStyle(point).fill : '',
    };
  })()`);
  expect(luminance(colours.body)).toBeLessThan(60);
  expect(luminance(colours.text)).toBeGreaterThan(150);
  expect(colours.point).toMatch(/^rgb/);

  // One tab stop for the points; arrows move between them; Enter explains the score.
  const first = points.first();
  await first.focus();
  const label = await first.getAttribute('aria-label');
  expect(label).toMatch(/^TRAIL-\d+: score .+, .+ story points, /);
  await page.keyboard.press('ArrowRight');
  const moved = await frame.evaluate<string | null>(
    "document.activeElement?.getAttribute('aria-label') ?? null",
  );
  expect(moved).toMatch(/^TRAIL-\d+: score /);
  expect(moved).not.toBe(label);
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}-dark-chart.png` });
  await page.keyboard.press('Enter');
  await ui.getByRole('dialog', { name: /how the score is calculated/ }).waitFor();
  await page.keyboard.press('Escape');

  // The data table alternative.
  await ui.getByRole('button', { name: 'Show as a table' }).click();
  await ui.getByRole('table', { name: 'Value against effort, by quadrant' }).waitFor();

  await ui.getByRole('heading', { name: /^TRAIL board, ranked by / }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}-dark-table.png` });
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

it('opens the backlog action on the board it was opened from, compact', async () => {
  const opened = await open('local-po', {
    module: 'valuerank-backlog-action',
    params: 'project=TRAIL&board=2',
    theme: 'dark',
  });
  const { page, ui, errors } = opened;
  await ui.getByRole('heading', { name: 'Prioritize by value' }).waitFor();
  await ui.getByRole('heading', { name: /^Mobile board, ranked by / }).waitFor({ timeout: 30_000 });
  const frame = appFrame(page);
  expect(frame.url()).toContain('/ui/backlog-action.html');
  const board2 = await backlogOrder(2);
  expect(await rowCount(frame)).toBe(board2.length);
  // The window shows the first rows; scrolled to the end, the last row is there too.
  expect((await shownRows(opened))[0]?.[2]).toMatch(/^1\b/);
  await frame.locator('.vr-virtual').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await ui.locator(`.vr-ranked-row[aria-rowindex="${board2.length + 1}"]`).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}-backlog-action.png` });
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

it('shows the server’s formula error with its column, then scores with the corrected formula', async () => {
  const { page, ui, errors } = await open('local-po');
  await ui.getByRole('heading', { name: /^TRAIL board, ranked by / }).waitFor({ timeout: 30_000 });
  await ui.getByLabel('Scoring model').selectOption('custom');
  const formula = ui.getByRole('textbox', { name: 'Formula' });
  await formula.fill('(businessValue + ) / jobSize');
  await ui.getByRole('button', { name: 'Score with this formula' }).click();
  const problem = ui.locator('.vr-formula__error');
  await problem
    .getByText(/column 18/)
    .first()
    .waitFor({ timeout: 30_000 });
  expect(await problem.getAttribute('role')).toBe('alert');
  expect(await formula.getAttribute('aria-invalid')).toBe('true');
  expect(await ui.locator('.vr-formula__caret').textContent()).toBe(
    `(businessValue + ) / jobSize\n${' '.repeat(17)}^`,
  );
  await ui.getByRole('button', { name: 'Go to column 18' }).click();
  const frame = appFrame(page);
  expect(await frame.evaluate<number>('document.activeElement.selectionStart')).toBe(17);
  // The table still shows the last good scores (the rows in view).
  expect((await rows(frame)).length).toBeGreaterThan(10);
  expect(await rowCount(frame)).toBeGreaterThan(100);
  await page.screenshot({ path: `${SHOTS}-formula-error.png` });

  await formula.fill('businessValue / jobSize');
  await formula.press('Control+Enter');
  await ui
    .getByRole('heading', { name: 'TRAIL board, ranked by Custom formula' })
    .waitFor({ timeout: 30_000 });
  expect(await problem.count()).toBe(0);

  // Make it the project's model, then go back to WSJF.
  await ui.getByRole('button', { name: 'Use Custom formula for TRAIL' }).click();
  await ui.getByText('Custom formula is TRAIL’s model.').waitFor({ timeout: 30_000 });
  await ui.getByLabel('Scoring model').selectOption('wsjf');
  await ui.getByRole('button', { name: 'Use WSJF for TRAIL' }).click();
  await ui.getByText('WSJF is TRAIL’s model.').waitFor({ timeout: 30_000 });
  expect(errors).toEqual([]);
  await page.close();
}, 90_000);

it('pins an issue and unpins it', async () => {
  const opened = await open('local-po');
  const { ui, page, errors } = opened;
  await ui.getByRole('heading', { name: /^TRAIL board, ranked by / }).waitFor({ timeout: 30_000 });
  const table = await shownRows(opened);
  const key = table[2]?.[3] as string;
  const rank = Number(table[2]?.[1]);
  const pin = ui.getByRole('button', { name: `Pin ${key}` });
  expect(await pin.getAttribute('aria-pressed')).toBe('false');
  await pin.click();
  // Pinned, it keeps its current place in the value order too: the virtualised table shows it once scrolled
  // there (the table estimates 44 px a row).
  const region = appFrame(page).locator('.vr-virtual');
  await region.evaluate((el, top) => el.scrollTo(0, top), Math.max(0, rank - 3) * 44);
  await ui.getByRole('button', { name: `Pin ${key}`, pressed: true }).waitFor({ timeout: 30_000 });
  await ui.getByRole('button', { name: `Pin ${key}`, pressed: true }).click();
  // Unpinned, it goes back to its value place near the top.
  await region.evaluate((el) => el.scrollTo(0, 0));
  await ui.getByRole('button', { name: `Pin ${key}`, pressed: false }).waitFor({ timeout: 30_000 });
  expect(errors).toEqual([]);
  await page.close();
}, 90_000);

it('says clearly when the board cannot be opened, without crashing', async () => {
  const outsider = await open('local-outsider', {
    module: 'valuerank-backlog-action',
    params: 'project=TRAIL&board=1',
  });
  await outsider.ui.getByRole('alert').getByText('ValueRank could not load this backlog.').waitFor();
  await outsider.ui.getByText('Board 1 does not exist, or you cannot see it.').waitFor();
  await outsider.ui.getByRole('button', { name: 'Try again' }).waitFor();
  await outsider.page.screenshot({ path: `${SHOTS}-error.png` });
  expect(outsider.errors).toEqual([]);
  await outsider.page.close();

  const elsewhere = await open('local-po', {
    module: 'valuerank-backlog-action',
    params: 'project=TRAIL&board=3',
  });
  await elsewhere.ui.getByText(/not a board of project TRAIL/).waitFor();
  expect(elsewhere.errors).toEqual([]);
  await elsewhere.page.close();
}, 60_000);

// Last: it saves TRAIL's mapping, so the "guessed" banner is gone for later views.
it('lets the Product Owner check and save the guessed mapping; the developer sees it read-only', async () => {
  const { ui, page, errors } = await open('local-po');
  await ui.getByText('ValueRank guessed these fields — check them').waitFor({ timeout: 30_000 });
  await ui.getByRole('button', { name: 'Check the mapping' }).click();
  const form = ui.getByRole('form', { name: 'Field mapping' });
  // The proposal is pre-filled: Reach reads customfield_10033 (fields are picked, not typed: see mapping.e2e).
  await form
    .getByText(/customfield_10033/)
    .first()
    .waitFor({ timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}-mapping.png` });
  await form.getByRole('button', { name: 'Save these fields' }).click();
  await form.getByText('Mapping saved. The scores now read these fields.').waitFor({ timeout: 30_000 });
  await ui
    .getByText('ValueRank guessed these fields — check them')
    .waitFor({ state: 'detached', timeout: 30_000 });
  expect(errors).toEqual([]);
  await page.close();

  const dev = await open('local-dev');
  await dev.ui.getByRole('heading', { name: /^TRAIL board, ranked by / }).waitFor({ timeout: 30_000 });
  await dev.ui.getByText(/^Field mapping/).click();
  await dev.ui.getByText('Only a project admin of TRAIL can change where the inputs come from.').waitFor();
  await dev.ui.getByRole('list', { name: 'Where ValueRank reads each input in TRAIL' }).waitFor();
  expect(await dev.ui.getByRole('form', { name: 'Field mapping' }).count()).toBe(0);
  expect(dev.errors).toEqual([]);
  await dev.page.close();
}, 90_000);
