/**
 * The acceptance-criteria issue panel and the issue context in a real browser (Chromium through
 * playwright-core): the built Custom UI in the Jira shell, the real bridge and resolvers, the local site.
 * Screenshots go to /tmp/valuerank-criteria-*.png for a person to look at.
 */
import { appFrame, openModule, useLocalSite, type OpenedModule } from '../support/e2e';
import { criteriaConfigKey } from '../../src/store/criteria';

const SHOTS = '/tmp/valuerank-criteria';

const site = useLocalSite({ reset: ['site', 'kvs'] });
const { server } = site;

function open(module: string, issue: string, theme: 'light' | 'dark' = 'light'): Promise<OpenedModule> {
  return openModule(
    site.browser,
    `${server.url}/module/${module}?as=local-po&issue=${issue}&theme=${theme}`,
    { viewport: { width: 900, height: 900 }, failedResponses: false },
  );
}

describe('the Acceptance criteria panel', () => {
  it('highlights the weak words in place and says Not ready with what blocks it (TRAIL-83)', async () => {
    // The project treats open-ended criteria ("etc.") as blocking.
    server.harness.kvs.handle('/set', {
      key: criteriaConfigKey('TRAIL'),
      value: { severity: { 'open-ended': 'error' } },
    });
    const { page, ui, errors } = await open('valuerank-criteria-panel', 'TRAIL-83');
    await ui.getByTestId('verdict').waitFor();
    await expect(ui.getByTestId('verdict').textContent()).resolves.toMatch(/Not ready/i);
    const etc = ui.locator('mark[data-kind="open-ended"]');
    await expect(etc.first().textContent()).resolves.toBe('Etc');
    await expect(ui.locator('mark[data-kind="ambiguous"]').first().textContent()).resolves.toBe('Partially');
    // The mark sits inside the criterion's own text, not in a separate list.
    await expect(
      ui
        .getByTestId('criterion')
        .filter({ has: ui.locator('mark[data-kind="open-ended"]') })
        .count(),
    ).resolves.toBe(1);
    await expect(ui.getByRole('alert').textContent()).resolves.toMatch(/Open-ended/);
    await expect(ui.getByTestId('quality').textContent()).resolves.toMatch(/Quality \d+\/100/);
    await page.screenshot({ path: `${SHOTS}-not-ready.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('says Ready for good criteria, shows task progress, and checks again on demand (TRAIL-89)', async () => {
    const { page, ui, errors } = await open('valuerank-criteria-panel', 'TRAIL-89', 'dark');
    await ui.getByTestId('verdict').waitFor();
    await expect(ui.getByTestId('verdict').textContent()).resolves.toMatch(/^Ready$/i);
    await expect(ui.getByTestId('progress').textContent()).resolves.toBe('2 of 5 verified');
    const html = appFrame(page);
    await expect(html.evaluate('document.documentElement.dataset.colorMode')).resolves.toBe('dark');
    const again = page.waitForResponse(
      (r) => r.url().endsWith('/_local/invoke') && (r.request().postData() ?? '').includes('readiness.check'),
    );
    await ui.getByRole('button', { name: 'Check again' }).click();
    expect((await again).status()).toBe(200);
    await ui.getByTestId('verdict').waitFor();
    await page.screenshot({ path: `${SHOTS}-ready-dark.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);
});

describe('the panel follows the issue', () => {
  it('checks again by itself when the issue is edited (JIRA_ISSUE_CHANGED from the shell)', async () => {
    const { page, ui, errors } = await open('valuerank-criteria-panel', 'TRAIL-89');
    await ui.getByTestId('verdict').waitFor();
    await expect(ui.getByTestId('verdict').textContent()).resolves.toMatch(/^Ready$/i);
    const checks: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/_local/invoke') && (r.postData() ?? '').includes('readiness.check'))
        checks.push(r.url());
    });
    // Someone replaces the description: no acceptance criteria any more.
    const edit = await fetch(`${server.url}/rest/api/3/issue/TRAIL-89`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'X-Local-User': 'local-po' },
      body: JSON.stringify({
        fields: {
          description: {
            type: 'doc',
            version: 1,
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Criteria to follow.' }] }],
          },
        },
      }),
    });
    expect(edit.status).toBe(204);
    // No click, no reload, no focus change: the panel hears the event and shows the new verdict.
    await ui
      .getByTestId('verdict')
      .filter({ hasText: /Not ready/i })
      .waitFor({ timeout: 10_000 });
    await ui.getByText('No acceptance criteria', { exact: false }).first().waitFor();
    expect(checks.length).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);
});

describe('the issue context badge', () => {
  it("shows readiness, quality and the issue's live score for the project's model", async () => {
    const { page, ui, errors } = await open('valuerank-issue-context', 'TRAIL-53');
    await ui.getByTestId('readiness').waitFor();
    await expect(ui.getByTestId('readiness').textContent()).resolves.toMatch(/Not ready/i);
    await expect(ui.getByTestId('quality').textContent()).resolves.toMatch(/^\d+\/100$/);
    await expect(ui.getByTestId('value-score').textContent()).resolves.toMatch(/^\d+(\.\d+)? \(WSJF\)$/);
    await page.screenshot({ path: `${SHOTS}-context.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('says why an unscored issue has no score (TRAIL-7: no business value yet)', async () => {
    const { page, ui, errors } = await open('valuerank-issue-context', 'TRAIL-7');
    await ui.getByTestId('value-score').waitFor();
    await expect(ui.getByTestId('value-score').textContent()).resolves.toBe('unscored (WSJF)');
    await expect(ui.getByTestId('value').textContent()).resolves.toMatch(/Business Value .* is empty/);
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);
});
