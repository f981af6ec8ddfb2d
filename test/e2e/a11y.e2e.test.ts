/**
 * Accessibility of every Custom UI module, in light and dark (issue 13): axe-core runs inside each module's
 * frame on the local site, with the WCAG 2.1 A and AA rules, and no serious or critical violation may
 * remain. Each module is opened once and checked in both themes (the shell's theme switch, as Jira's);
 * the project page on each of its tabs; the gadget in its view and its edit view.
 *
 * Findings print with their rule, impact and the first elements they name, so a failure says what to fix.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { appFrame, openModule, useLocalSite } from '../support/e2e';

const site = useLocalSite({ reset: ['kvs'] });
const { server } = site;
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
type Theme = 'light' | 'dark';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const ui = (page: Page) => page.frameLocator('#vr-frame');

/** Switches the shell's theme (Jira's theme change) and waits until the app has applied it. */
async function theme(page: Page, mode: Theme): Promise<void> {
  await page.locator('#vr-theme').selectOption(mode);
  await ui(page).locator(`html[data-color-mode="${mode}"]`).waitFor({ state: 'attached' });
}

/** axe-core's serious and critical WCAG 2.1 A/AA violations in the module's frame, as it is now. */
async function violations(page: Page): Promise<Violation[]> {
  const frame = appFrame(page);
  if (!(await frame.evaluate<boolean>("'axe' in window"))) await frame.evaluate(AXE);
  // (A string: the test's TypeScript has no DOM types; it runs in the frame.)
  const result = await frame.evaluate<{
    violations: Array<{
      id: string;
      impact: string | null;
      help: string;
      nodes: Array<{ target: unknown[] }>;
    }>;
  }>(
    `axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })`,
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
}

/** The violations of what the module shows now, in light and in dark (screenshots: /tmp/valuerank-a11y-*). */
async function bothThemes(page: Page, name: string): Promise<Record<Theme, Violation[]>> {
  const shot = (mode: Theme) =>
    page.screenshot({ path: `/tmp/valuerank-a11y-${name.replace(/\W+/g, '-').toLowerCase()}-${mode}.png` });
  await theme(page, 'light');
  const light = await violations(page);
  await shot('light');
  await theme(page, 'dark');
  const dark = await violations(page);
  await shot('dark');
  await theme(page, 'light');
  return { light, dark };
}
const CLEAN = { light: [], dark: [] };

async function open(url: string, ready: (page: Page) => Promise<unknown>, width = 1400) {
  const opened = await openModule(site.browser, `${server.url}${url}&theme=light`, {
    viewport: { width, height: 900 },
    failedResponses: false,
  });
  await ready(opened.page);
  return opened;
}

it('finds what it is meant to find (an image without a text alternative, a nameless button)', async () => {
  const { page } = await open('/module/valuerank-criteria-panel?as=local-po&issue=TRAIL-53', (p) =>
    ui(p).getByRole('heading').first().waitFor({ timeout: 20_000 }),
  );
  await appFrame(page).evaluate(
    `document.body.insertAdjacentHTML('beforeend', '<img src="data:,"><button></button>')`,
  );
  expect((await violations(page)).map((v) => v.id)).toEqual(
    expect.arrayContaining(['button-name', 'image-alt']),
  );
  await page.close();
}, 60_000);

it('the project page, on each tab, in light and dark', async () => {
  const { page, errors } = await open('/module/valuerank-project-page?as=local-po&project=TRAIL', (p) =>
    ui(p)
      .getByRole('heading', { name: /ranked by/ })
      .first()
      .waitFor({ timeout: 30_000 }),
  );
  const names = await ui(page).getByRole('tab').allInnerTexts();
  expect(names.length).toBeGreaterThanOrEqual(4);
  const found: Record<string, Record<Theme, Violation[]>> = {};
  for (const name of names) {
    await ui(page).getByRole('tab', { name }).click();
    await ui(page).getByRole('tabpanel').first().waitFor();
    // Lazy tabs: wait until their spinner is gone.
    await ui(page)
      .locator('[role="tabpanel"] .vr-spinner')
      .first()
      .waitFor({ state: 'detached', timeout: 20_000 })
      .catch(() => undefined);
    found[name] = await bothThemes(page, `project-${name}`);
  }
  expect(found).toEqual(Object.fromEntries(names.map((n) => [n, CLEAN])));
  expect(errors).toEqual([]);
  await page.close();
}, 150_000);

it('the issue panel and the issue badge, in light and dark', async () => {
  const panel = await open(
    '/module/valuerank-criteria-panel?as=local-po&issue=TRAIL-53',
    (p) => ui(p).getByRole('heading').first().waitFor({ timeout: 20_000 }),
    900,
  );
  const badge = await open(
    '/module/valuerank-issue-context?as=local-po&issue=TRAIL-7',
    (p) =>
      ui(p)
        .getByText(/value|score/i)
        .first()
        .waitFor({ timeout: 20_000 }),
    900,
  );
  expect({
    panel: await bothThemes(panel.page, 'panel'),
    badge: await bothThemes(badge.page, 'badge'),
  }).toEqual({
    panel: CLEAN,
    badge: CLEAN,
  });
  await panel.page.close();
  await badge.page.close();
}, 90_000);

it('the gadget (view and edit) and the backlog action, in light and dark', async () => {
  // A configured gadget (every panel), as its edit view saves it.
  const put = await fetch(`${server.url}/_local/gadget-config/valuerank-health-gadget%3Agadget-31`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ boardId: 1, topN: 5, refreshMinutes: 15 }),
  });
  expect(put.ok).toBe(true);
  const view = await open(
    '/module/valuerank-health-gadget?as=local-po&gadget=31',
    (p) =>
      ui(p)
        .getByRole('heading', { name: 'Refinement agenda' })
        .waitFor({ timeout: 30_000 })
        .catch(async (e: unknown) => {
          await p.screenshot({ path: '/tmp/a11y-gadget.png' });
          throw e;
        }),
    900,
  );
  const edit = await open(
    '/module/valuerank-health-gadget?as=local-po&gadget=32&edit=1',
    (p) => ui(p).getByLabel('Scoring model').waitFor({ timeout: 20_000 }),
    900,
  );
  const action = await open('/module/valuerank-backlog-action?as=local-po&project=TRAIL&board=1', (p) =>
    ui(p)
      .getByRole('heading', { name: /ranked by/ })
      .first()
      .waitFor({ timeout: 30_000 }),
  );
  expect({
    view: await bothThemes(view.page, 'gadget'),
    edit: await bothThemes(edit.page, 'gadget-edit'),
    action: await bothThemes(action.page, 'backlog-action'),
  }).toEqual({ view: CLEAN, edit: CLEAN, action: CLEAN });
  for (const o of [view, edit, action]) await o.page.close();
}, 120_000);
