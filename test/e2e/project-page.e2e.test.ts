/**
 * The project page in a real browser (Chromium through playwright-core): the built Custom UI in the Jira
 * shell, the real bridge, the real resolvers on the emulated Forge runtime, the local Jira site.
 * Screenshots go to /tmp/valuerank-*.png for a person to look at.
 */
import { type Frame } from 'playwright-core';
import { appFrame, openModule, useLocalSite, type OpenedModule } from '../support/e2e';

const site = useLocalSite();
const { server } = site;

/** Opens a module page; collects every console error and page error (CSP violations included). */
function open(accountId: string, theme: 'light' | 'dark' = 'light'): Promise<OpenedModule> {
  return openModule(
    site.browser,
    `${server.url}/module/valuerank-project-page?as=${accountId}&project=TRAIL&theme=${theme}`,
    { viewport: { width: 1280, height: 900 } },
  );
}

const PROJECT_PAGE = '/ui/project-page.html';

// Browser-side code as strings: the root tsconfig has no DOM types (and should not get them).
const bodyBackground = (frame: Frame) =>
  frame.evaluate<string>('getComputedStyle(document.body).backgroundColor');
const colorMode = (frame: Frame) =>
  frame.evaluate<string | null>("document.documentElement.getAttribute('data-color-mode')");

it('shows the Product Owner TRAIL and its boards, a 300+ item backlog, and follows the dark theme', async () => {
  const { page, ui, errors } = await open('local-po');
  await ui.getByText('Signed in as').waitFor();
  // TRAIL has a scrum board, so the page opens on Prioritize; the projects and backlogs are under Overview.
  await ui.getByRole('tab', { name: 'Prioritize', selected: true }).waitFor();
  await ui.getByRole('tab', { name: 'Overview' }).click();
  const overview = ui.getByRole('tabpanel', { name: 'Overview' });
  const trail = overview.locator('.vr-project', { hasText: '(TRAIL)' });
  await trail.waitFor();
  await trail.getByRole('button', { name: /TRAIL board/ }).waitFor();
  await trail.getByRole('button', { name: /Mobile board/ }).waitFor();

  await trail.getByRole('button', { name: /TRAIL board/ }).click();
  await overview.locator('table.vr-table tbody tr:nth-child(300)').waitFor({ timeout: 20_000 });
  const frame = appFrame(page, PROJECT_PAGE);
  const rows = await frame.evaluate<string[][]>(
    "Array.from(document.querySelectorAll('[role=tabpanel]:not([hidden]) table.vr-table tbody tr'), (tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent))",
  );
  expect(rows.length).toBeGreaterThanOrEqual(300);
  const estimated = rows.filter((cells) => /^\d+(\.\d)?$/.test(cells[5] ?? ''));
  expect(estimated.length).toBeGreaterThan(0);
  expect(rows[0]?.[0]).toBe('1');
  expect(rows[0]?.[1]).toMatch(/^TRAIL-\d+$/);
  await overview
    .getByText(/story points/)
    .first()
    .waitFor();

  // Theme: Forge's attributes on the iframe's <html>, and the token colours follow.
  expect(await colorMode(frame)).toBe('light');
  const light = await bodyBackground(frame);
  await page.screenshot({ path: '/tmp/valuerank-project-page-light.png' });
  await page.selectOption('#vr-theme', 'dark');
  await frame.waitForFunction("document.documentElement.getAttribute('data-color-mode') === 'dark'");
  const dark = await bodyBackground(frame);
  expect(dark).not.toBe(light);
  expect(
    await frame.evaluate<string | null>("document.documentElement.getAttribute('data-theme')"),
  ).toContain('dark:dark');
  await page.screenshot({ path: '/tmp/valuerank-project-page-dark.png' });

  // The issue key is a router link: Jira (the shell) opens the issue.
  const firstKey = rows[0]?.[1] as string;
  await overview.getByRole('link', { name: firstKey, exact: true }).click();
  await page.waitForURL(new RegExp(`/browse/${firstKey}\\?`));
  // the local site's issue view opens that issue, with its summary as the heading
  await page.locator(`main.vr-issue[data-issue="${firstKey}"]`).waitFor();
  expect((await page.locator('h1#vr-summary').textContent())?.trim()).toBeTruthy();

  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

it('shows an outsider a clear "no projects" state', async () => {
  const { page, ui, errors } = await open('local-outsider', 'dark');
  await ui.getByText('No projects').waitFor();
  await ui.getByText(/cannot see any Jira projects/).waitFor();
  await page.screenshot({ path: '/tmp/valuerank-project-page-outsider.png' });
  expect(errors).toEqual([]);
  await page.close();
}, 30_000);

it('implements the bridge calls @forge/bridge makes, and rejects unknown ones clearly', async () => {
  const { page, ui, errors } = await open('local-dev');
  await ui.getByText('Signed in as').waitFor();
  const frame = appFrame(page, PROJECT_PAGE);
  const bridge = <T>(type: string, payload?: unknown) =>
    frame.evaluate<T>(
      `globalThis.__bridge.callBridge(${JSON.stringify(type)}, ${JSON.stringify(payload ?? null)})`,
    );

  const context = await bridge<Record<string, unknown>>('getContext');
  expect(context).toMatchObject({
    accountId: 'local-dev',
    moduleKey: 'valuerank-project-page',
    siteUrl: server.url,
    theme: { colorMode: 'light' },
    extension: { type: 'jira:projectPage', project: { key: 'TRAIL' } },
  });

  const myself = await bridge<{ status: number; body: string }>('fetchProduct', {
    product: 'jira',
    restPath: '/rest/api/3/myself',
    fetchRequestInit: { method: 'GET', headers: [['accept', 'application/json']], body: null },
  });
  expect(myself.status).toBe(200);
  expect(JSON.parse(myself.body)).toMatchObject({ accountId: 'local-dev' });

  expect(await bridge<string>('getUrl', { target: 'issue', issueKey: 'TRAIL-5' })).toMatch(
    /\/browse\/TRAIL-5\?as=local-dev/,
  );
  expect(await bridge<boolean>('submit', { any: 'thing' })).toBe(false); // not a gadget edit view
  await expect(bridge('createHistory')).rejects.toThrow(/Bridge call "createHistory" is not supported/);

  await bridge('changeWindowTitle', 'Ranked!');
  expect(await page.title()).toBe('Ranked!');
  expect(errors).toEqual([]);
  await page.close();
}, 30_000);
