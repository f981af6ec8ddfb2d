/**
 * The Prioritize workspace in a real browser at 1400 × 900 (issue 13): the grid fills the window and every
 * issue is reachable by scrolling it; the PO edits a score input in place (Jira's issue then has the value,
 * written as the PO; the flag's Undo puts the old one back); the viewer cannot (the cell says why, the
 * resolver refuses); issues selected with a click and a shift-click are tagged with a vision goal in bulk;
 * the keyboard moves, selects and explains; a filter narrows the grid on the server. One browser for the
 * file. Screenshots go to /tmp/valuerank-workspace-*.png.
 */
import type { Frame } from 'playwright-core';
import { appFrame, openModule, useLocalSite, type OpenedModule } from '../support/e2e';
import { invokeData } from '../support/invoke';

const SHOTS = '/tmp/valuerank-workspace';
const VIEWPORT = { width: 1400, height: 900 };
/** Business Value's field in the demo. */
const BV = 'customfield_10030';

const site = useLocalSite({ reset: ['site', 'kvs'] });

const open = (accountId: string): Promise<OpenedModule> =>
  openModule(
    site.browser,
    `${site.server.url}/module/valuerank-project-page?as=${accountId}&project=TRAIL&theme=light`,
    { viewport: VIEWPORT },
  );

/** One issue's field or property, read from the local site's REST API as the PO. */
async function rest<T>(path: string): Promise<T> {
  const res = await fetch(`${site.server.url}${path}`, {
    headers: { 'X-Local-User': 'local-po', accept: 'application/json' },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}
const fieldOf = async (key: string, field: string) =>
  (await rest<{ fields: Record<string, unknown> }>(`/rest/api/3/issue/${key}?fields=${field}`)).fields[field];

/** The keys of the grid's rendered rows, in order. */
const keysShown = (frame: Frame) =>
  frame.evaluate<string[]>(
    "Array.from(document.querySelectorAll('.vr-ranked-row th[scope=row]'), (th) => th.textContent ?? '')",
  );

async function ready(opened: OpenedModule) {
  await opened.ui.getByRole('heading', { name: /^TRAIL board, ranked by / }).waitFor({ timeout: 30_000 });
  await opened.ui.locator('.vr-ranked-row').first().waitFor({ timeout: 30_000 });
  return appFrame(opened.page);
}

it('fills the window with the grid, reaches the last issue by scrolling, edits an input in place and undoes it', async () => {
  const opened = await open('local-po');
  const { page, ui, errors } = opened;
  const frame = await ready(opened);

  // The grid's region ends at the bottom of the window (within a few pixels) and takes a good part of it.
  const box = await frame.evaluate<{ top: number; bottom: number; height: number; rows: number }>(`(() => {
    const r = document.querySelector('.vr-virtual').getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight, rows: Number(document.querySelector('.vr-virtual table').getAttribute('aria-rowcount')) - 1 };
  })()`);
  expect(box.bottom).toBeLessThanOrEqual(box.height);
  expect(box.bottom).toBeGreaterThan(box.height - 24);
  expect(box.bottom - box.top).toBeGreaterThan(box.height * 0.35);
  expect(box.rows).toBeGreaterThan(300);
  // The "guessed mapping" banner can be put aside for now: the grid then takes more of the window.
  await ui.getByText('ValueRank guessed these fields — check them').waitFor();
  await ui.getByRole('button', { name: 'Not now' }).click();
  await ui.getByText('ValueRank guessed these fields — check them').waitFor({ state: 'detached' });
  const grown = await frame.evaluate<number>(
    "(() => { const r = document.querySelector('.vr-virtual').getBoundingClientRect(); return r.bottom - r.top; })()",
  );
  expect(grown).toBeGreaterThan(box.bottom - box.top + 40);
  expect(grown).toBeGreaterThan(box.height * 0.5);
  console.log(
    `grid height: ${Math.round(((box.bottom - box.top) / box.height) * 100)}% of the window with the banner, ${Math.round((grown / box.height) * 100)}% without`,
  );
  // Only the rows in view are rendered; scrolled to the end, the last issue is there.
  expect((await keysShown(frame)).length).toBeLessThan(60);
  await frame.locator('.vr-virtual').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await ui.locator(`.vr-ranked-row[aria-rowindex="${box.rows + 1}"]`).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}-end.png` });
  await frame.locator('.vr-virtual').evaluate((el) => el.scrollTo(0, 0));

  // Inline edit: the top issue's Business Value, written to Jira as the PO.
  const top = ui.locator('.vr-ranked-row[aria-rowindex="2"] th[scope=row]');
  await top.waitFor();
  const key = (await top.textContent()) as string;
  const before = await fieldOf(key, BV);
  await ui.getByRole('button', { name: new RegExp(`^Business Value of ${key}: .*, edit$`) }).click();
  const editor = ui.getByRole('spinbutton', { name: `Business Value of ${key}` });
  await editor.fill('2');
  await editor.press('Enter');
  const saved = ui.getByRole('status').getByText(`Saved: Business Value of ${key} is 2`);
  await saved.waitFor({ timeout: 30_000 });
  expect(await fieldOf(key, BV)).toBe(2);
  const changelog = await rest<{ values: Array<{ author: { accountId: string } }> }>(
    `/rest/api/3/issue/${key}/changelog`,
  );
  expect(changelog.values.at(-1)?.author.accountId).toBe('local-po');
  await page.screenshot({ path: `${SHOTS}-saved.png` });
  // The flag's Undo writes the old value back.
  await ui.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await ui
    .getByRole('status')
    .getByText(/^Undone: Business Value is back to what it was on 1 issue/)
    .waitFor({ timeout: 30_000 });
  expect(await fieldOf(key, BV)).toBe(before);

  // An out-of-range value is refused with the reason, and nothing is written.
  await ui.getByRole('button', { name: new RegExp(`^Business Value of ${key}: .*, edit$`) }).click();
  await editor.fill('-3');
  await editor.press('Enter');
  await ui
    .getByRole('status')
    .getByText(/cannot be -3: it must be 0 or more/)
    .waitFor({ timeout: 30_000 });
  expect(await fieldOf(key, BV)).toBe(before);

  // A filter narrows the whole backlog on the server.
  await ui.getByRole('searchbox', { name: 'Filter by key or summary' }).fill(key);
  await ui.getByText(new RegExp(`^\\d+ of ${box.rows} issues match$`)).waitFor({ timeout: 30_000 });
  expect(await keysShown(frame)).toContain(key);
  await ui.getByRole('button', { name: 'Clear filters' }).click();
  await ui.getByRole('search').getByText(`${box.rows} issues`, { exact: true }).waitFor();

  // Filters take several values: two issue types match more rows than either alone, and the button says which.
  const typeCount = async (names: string[]) => {
    const button = ui.getByRole('button', { name: /^Type: / });
    await button.click();
    const menu = ui.getByRole('group', { name: 'Type values' });
    for (const n of names) await menu.getByRole('checkbox', { name: n }).check();
    await ui.getByText(/^\d+ of \d+ issues match$/).waitFor({ timeout: 30_000 });
    if (names.length > 1) await page.screenshot({ path: `${SHOTS}-filter.png` });
    await page.keyboard.press('Escape');
    const matched = Number((await ui.getByText(/^\d+ of \d+ issues match$/).textContent())!.split(' ')[0]);
    await ui.getByRole('button', { name: 'Clear filters' }).click();
    await ui.getByRole('search').getByText(`${box.rows} issues`, { exact: true }).waitFor();
    return matched;
  };
  await ui.getByRole('button', { name: /^Type: / }).click();
  const types = await ui
    .getByRole('group', { name: 'Type values' })
    .getByRole('checkbox')
    .evaluateAll((els) => els.map((el) => (el.parentElement?.textContent ?? '').trim()));
  await page.keyboard.press('Escape');
  expect(types.length).toBeGreaterThanOrEqual(2);
  const [a, b] = [await typeCount([types[0]!]), await typeCount([types[1]!])];
  expect(await typeCount([types[0]!, types[1]!])).toBe(a + b);

  expect(errors).toEqual([]);
  await page.close();
}, 180_000);

it('tags issues selected with a click and a shift-click with a goal, and the keyboard selects and explains', async () => {
  // TRAIL's vision, with two active goals to tag with.
  await invokeData(site.server.url, 'vision.save', {
    projectKey: 'TRAIL',
    expectedVersion: 0,
    board: {
      visionStatement: 'Guests book guided trips they trust.',
      targetGroup: 'Guests and guides',
      needs: 'Trust and easy booking',
      product: 'A tour-booking marketplace',
      goals: [
        { id: 'g1', name: 'Guests trust what they book', target: '4.5 stars', status: 'active', weight: 5 },
        { id: 'g2', name: 'Guides fill their trips', target: '80% full', status: 'active', weight: 3 },
      ],
    },
  });
  const opened = await open('local-po');
  const { page, ui, errors } = opened;
  const frame = await ready(opened);
  const keys = await keysShown(frame);
  const [first, , third] = keys as [string, string, string];

  // Click the first row's box, shift-click the third: three issues selected.
  await ui.getByRole('checkbox', { name: `Select ${first}` }).click();
  await ui.getByRole('checkbox', { name: `Select ${third}` }).click({ modifiers: ['Shift'] });
  await ui.getByText('3 issues selected').waitFor();
  const bar = ui.getByRole('toolbar', { name: 'Selected issues' });
  const goal = bar.getByRole('combobox', { name: 'Goal to tag with' });
  // The vision's active goals (read when the bar opens).
  await goal.locator('option').nth(1).waitFor({ state: 'attached', timeout: 20_000 });
  const chosen = { value: 'g2', text: 'Guides fill their trips' };
  await goal.selectOption(chosen.value);
  await bar.getByRole('button', { name: 'Tag with goal' }).click();
  await ui
    .getByRole('status')
    .getByText(new RegExp(`^Tagged \\d issues? with .${chosen.text}.$`))
    .waitFor({ timeout: 30_000 });
  for (const k of keys.slice(0, 3)) {
    const property = await rest<{ value: { goals: string[] } }>(
      `/rest/api/3/issue/${k}/properties/valuerank-goals`,
    );
    expect(property.value.goals).toContain(chosen.value);
  }
  await page.screenshot({ path: `${SHOTS}-tagged.png` });

  // Set one input for all three, as the PO; the flag's Undo puts each old value back.
  const was = await Promise.all(keys.slice(0, 3).map((k) => fieldOf(k, BV)));
  await bar.getByRole('combobox', { name: 'Input to set' }).selectOption('businessValue');
  await bar.getByRole('spinbutton', { name: 'Value to set' }).fill('7');
  await bar.getByRole('button', { name: 'Set for 3' }).click();
  await ui
    .getByRole('status')
    .getByText('Saved: Business Value is 7 on 3 issues')
    .waitFor({ timeout: 30_000 });
  expect(await Promise.all(keys.slice(0, 3).map((k) => fieldOf(k, BV)))).toEqual([7, 7, 7]);
  await ui.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await ui
    .getByRole('status')
    .getByText(/^Undone: Business Value is back to what it was on 3 issues/)
    .waitFor({ timeout: 30_000 });
  expect(await Promise.all(keys.slice(0, 3).map((k) => fieldOf(k, BV)))).toEqual(was);

  // Pin all three, then unpin them: a flag each time.
  await bar.getByRole('button', { name: 'Pin', exact: true }).click();
  await ui.getByRole('status').getByText('Pinned 3 issues').waitFor({ timeout: 30_000 });
  await bar.getByRole('button', { name: 'Unpin', exact: true }).click();
  await ui.getByRole('status').getByText('Unpinned 3 issues').waitFor({ timeout: 30_000 });
  await bar.getByRole('button', { name: 'Clear selection' }).click();

  // The keyboard: the grid takes the focus, Home and the arrows move, Space selects, Enter explains,
  // Shift with an arrow selects a range.
  const grid = ui.getByRole('region', { name: /Arrow keys move between rows/ });
  await grid.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await ui.getByText('1 issue selected').waitFor();
  expect(await ui.getByRole('checkbox', { name: `Select ${keys[1]}` }).isChecked()).toBe(true);
  await page.keyboard.press('Enter');
  await ui.getByRole('dialog', { name: `${keys[1]}: how the score is calculated` }).waitFor();
  await page.keyboard.press('Escape');
  // Shift with the arrows selects a range: rows 2 to 4 (the second was selected already)
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await ui.getByText('3 issues selected').waitFor();
  for (const k of keys.slice(1, 4))
    expect(await ui.getByRole('checkbox', { name: `Select ${k}` }).isChecked()).toBe(true);

  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

it('shows the viewer the inputs read-only, saying why, and the resolver refuses the edit', async () => {
  const opened = await open('local-viewer');
  const { page, ui, errors } = opened;
  const frame = await ready(opened);
  const key = (await keysShown(frame))[0] as string;
  const cell = ui.getByRole('button', { name: new RegExp(`^Business Value of ${key}: `) });
  await cell.waitFor();
  expect(await cell.getAttribute('aria-disabled')).toBe('true');
  const ids = ((await cell.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const description = await frame.evaluate<string>(
    `${JSON.stringify(ids)}.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')`,
  );
  expect(description).toBe('You cannot edit issues in TRAIL, so you cannot change their inputs here.');
  // Clicked anyway (it is only aria-disabled, so it stays in the tab order): no editor opens.
  await cell.click({ force: true });
  expect(await ui.getByRole('spinbutton').count()).toBe(0);

  const before = await fieldOf(key, BV);
  const answer = await frame.evaluate<{ ok: boolean; error?: { code: string; message: string } }>(
    `globalThis.__bridge.callBridge('invoke', ${JSON.stringify({
      functionKey: 'prioritize.setInput',
      payload: { boardId: 1, input: 'businessValue', changes: [{ key, value: 1 }] },
    })})`,
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(answer.error?.message).toMatch(/Edit Issues permission in TRAIL/);
  expect(await fieldOf(key, BV)).toBe(before);
  expect(errors).toEqual([]);
  await page.close();
}, 90_000);
