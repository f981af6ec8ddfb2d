/**
 * Value sessions in a real browser (Chromium through playwright-core, ONE launch): the built Custom UI in
 * the Jira shell, the real bridge and resolvers, the local site. The PO starts a session on the top two
 * stories, two stakeholders rate blind (each sees only their own ratings), the PO reveals, sees the
 * disagreement, commits after a confirmation naming the change, and the Jira field and the live score
 * change; the viewer can rate but cannot commit. The rating form and the PO's revealed view have no serious
 * or critical axe-core (WCAG 2.1 A/AA) violation. Screenshots go to /tmp/valuerank-sessions-*.png.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { appFrame, openModule, useLocalSite, type OpenedModule } from '../support/e2e';
import { invokeData } from '../support/invoke';

const SHOTS = '/tmp/valuerank-sessions';
const TITLE = 'Winter value check';
const BV = 'customfield_10030';

const site = useLocalSite({ reset: ['site', 'kvs'] });
const { server } = site;

/** Clicks `button` until `shows` is there: a click while the framed page resizes can miss. */
async function clickUntil(button: Locator, shows: Locator): Promise<void> {
  for (let attempt = 0; attempt < 3 && !(await shows.isVisible()); attempt++) {
    await button.click();
    await shows.waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
  await shows.waitFor();
}

async function sessionsTab(as: string): Promise<OpenedModule> {
  const opened = await openModule(
    site.browser,
    `${server.url}/module/valuerank-project-page?as=${as}&project=TRAIL`,
  );
  await clickUntil(
    opened.ui.getByRole('tab', { name: 'Value sessions' }),
    opened.ui.getByRole('heading', { name: 'Value sessions', exact: true }),
  );
  return opened;
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical WCAG 2.1 A/AA violations in the module's frame, as it is now. */
async function violations(page: Page): Promise<string[]> {
  const frame = appFrame(page);
  if (!(await frame.evaluate<boolean>("'axe' in window"))) await frame.evaluate(AXE);
  const result = await frame.evaluate<{ violations: Array<{ id: string; impact: string | null }> }>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })`,
  );
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

async function field(key: string): Promise<unknown> {
  const response = await fetch(`${server.url}/rest/api/3/issue/${key}?fields=${BV}`, {
    headers: { 'X-Local-User': 'local-po' },
  });
  return ((await response.json()) as { fields: Record<string, unknown> }).fields[BV] ?? null;
}

/** Rates the first input of each issue (in the session's order), with a reason on the first. */
async function rate(as: string, values: [string, string], reason: string): Promise<OpenedModule> {
  const opened = await sessionsTab(as);
  await clickUntil(
    opened.ui.getByRole('button', { name: `Rate “${TITLE}”` }),
    opened.ui.getByRole('heading', { name: 'Your ratings', exact: true }),
  );
  const selects: Locator = opened.ui.getByRole('combobox', { name: /^Business Value of / });
  await selects.nth(0).selectOption(values[0]);
  await opened.ui
    .getByRole('textbox', { name: /^Reason for Business Value of / })
    .nth(0)
    .fill(reason);
  await selects.nth(1).selectOption(values[1]);
  await opened.ui.getByRole('button', { name: 'Save my ratings' }).click();
  await opened.ui
    .getByRole('status')
    .filter({ hasText: /^Saved: 2 of 2 rated/ })
    .waitFor();
  return opened;
}

describe('value sessions', () => {
  it('two stakeholders rate blind, the PO reveals, sees the disagreement and commits; the viewer cannot commit', async () => {
    // The PO starts a session on the top two stories, business value only, inviting Jonas and Mei.
    const po = await sessionsTab('local-po');
    await po.ui.getByRole('button', { name: 'Start a session' }).click();
    await po.ui.getByLabel('Title').fill(TITLE);
    await po.ui.getByLabel('Which issues').selectOption('top');
    await po.ui.getByLabel('How many').fill('2');
    for (const other of ['Time Criticality', /^Risk Reduction/])
      await po.ui.getByRole('checkbox', { name: other }).uncheck();
    for (const [query, name] of [
      ['jo', 'Jonas Lindqvist'],
      ['mei', 'Mei Tanaka'],
    ] as const) {
      await po.ui.getByLabel('Find people who can browse TRAIL').fill(query);
      await po.ui.getByRole('button', { name: 'Search' }).click();
      await po.ui.getByRole('button', { name: `Invite ${name}` }).click();
    }
    await po.ui.getByRole('button', { name: 'Start the session' }).click();
    await po.ui.getByRole('button', { name: 'Reveal ratings' }).waitFor();
    await po.page.screenshot({ path: `${SHOTS}-started.png` });
    expect(po.errors).toEqual([]);
    await po.page.close();

    const { sessions } = await invokeData(server.url, 'sessions.list', { projectKey: 'TRAIL' });
    const session = await invokeData(server.url, 'sessions.get', { sessionId: sessions[0]!.id });
    const [first] = session.issues.map((i) => i.key) as [string, string];

    // Jonas rates low, Mei high: each sees only their own ratings.
    const dev = await rate('local-dev', ['1', '8'], 'Few hikers asked for it');
    await dev.page.close();
    const viewer = await rate('local-viewer', ['13', '8'], 'Our partners need it before winter');
    const viewerText = await viewer.ui.locator('body').textContent();
    expect(viewerText).not.toContain('Few hikers asked for it');
    expect(viewerText).not.toContain('Jonas Lindqvist:');
    await viewer.page.screenshot({ path: `${SHOTS}-blind.png` });
    expect(await violations(viewer.page)).toEqual([]);
    expect(viewer.errors).toEqual([]);

    // The PO sees who has rated, reveals, sees the disagreement first, and commits the decision.
    const before = await invokeData(server.url, 'readiness.badge', { issueKey: first });
    const from = await field(first);
    const back = await sessionsTab('local-po');
    await back.ui.getByRole('button', { name: TITLE }).click();
    await back.ui
      .getByRole('list', { name: 'Who has rated' })
      .getByText('Mei Tanaka: 2 of 2 rated')
      .waitFor();
    await back.ui.getByRole('button', { name: 'Reveal ratings' }).click();
    const ratings = back.ui.getByRole('table', { name: /^Ratings per issue and input/ });
    const top = ratings.locator('tbody tr').first();
    await top.waitFor();
    await expect(top.textContent()).resolves.toMatch(
      new RegExp(
        `${first}.*Jonas Lindqvist: 1 — Few hikers asked for it.*Mei Tanaka: 13 — Our partners need it before winter.*Disagree`,
      ),
    );
    const decision = back.ui.getByLabel(`Decision for Business Value of ${first}`);
    await expect(decision.inputValue()).resolves.toBe('8');
    await back.ui.getByLabel(`Note on ${first}`).fill('Partners first this winter');
    expect(await violations(back.page)).toEqual([]);
    await back.ui.getByRole('button', { name: 'Commit…' }).click();
    const changes = back.ui.getByRole('list', { name: 'What will change' });
    await expect(changes.textContent()).resolves.toContain(
      `${first} Business Value: ${from === null ? '—' : String(from)} → 8`,
    );
    await back.page.screenshot({ path: `${SHOTS}-confirm.png` });
    await back.ui.getByRole('button', { name: 'Commit', exact: true }).click();
    await back.ui
      .getByRole('status')
      .filter({ hasText: /^Committed: \d+ issues? written in Jira/ })
      .waitFor();
    expect(back.errors).toEqual([]);
    await back.page.close();

    expect(await field(first)).toBe(8);
    const after = await invokeData(server.url, 'readiness.badge', { issueKey: first });
    expect(after.value.score).not.toBe(before.value.score);
    // Mei sees every rating now, but no commit.
    await viewer.ui.getByRole('button', { name: '← All sessions' }).click();
    await viewer.ui.getByRole('button', { name: TITLE }).click();
    await viewer.ui.getByRole('table', { name: /^Ratings per issue and input/ }).waitFor();
    await expect(viewer.ui.getByRole('button', { name: /^Commit/ }).count()).resolves.toBe(0);
    expect(viewer.errors).toEqual([]);
    await viewer.page.close();
  }, 60_000);

  it('the PO starts a session from issues selected in the Prioritize grid', async () => {
    const opened = await openModule(
      site.browser,
      `${server.url}/module/valuerank-project-page?as=local-po&project=TRAIL`,
      { viewport: { width: 1400, height: 900 } },
    );
    const { ui } = opened;
    await ui.locator('.vr-ranked-row').first().waitFor({ timeout: 30_000 });
    const keys = await appFrame(opened.page).evaluate<string[]>(
      "Array.from(document.querySelectorAll('.vr-ranked-row th[scope=row]'), (th) => th.textContent ?? '').slice(0, 2)",
    );
    for (const key of keys) await ui.getByRole('checkbox', { name: `Select ${key}` }).click();
    await ui.getByText('2 issues selected').waitFor();
    await ui
      .getByRole('toolbar', { name: 'Selected issues' })
      .getByRole('button', { name: 'Start a value session' })
      .click();
    // The Value sessions tab opens its start form with these issues.
    const form = ui.getByRole('form', { name: 'Start a value session' });
    await form.waitFor();
    await expect(ui.getByRole('tab', { name: 'Value sessions' }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    await expect(form.getByLabel('Issue keys (at most 100)').inputValue()).resolves.toBe(keys.join(', '));
    expect(opened.errors).toEqual([]);
    await opened.page.close();
  }, 60_000);
});
