/**
 * The Readiness tab in a real browser (Chromium through playwright-core): the built Custom UI in the Jira
 * shell, the real bridge and resolvers on the emulated Forge runtime and KVS.
 *
 * The Product Owner turns a smell off and changes the bounds, tries the unsaved rules on a text, is shown
 * the server's error next to the bounds when they contradict, saves, reloads and sees the rules kept (and
 * the issue check follows them), then resets to the defaults after a confirmation. The developer sees the
 * saved rules read-only, in the dark theme with token colours. Screenshots: /tmp/valuerank-readiness-*.png.
 */
import { type FrameLocator, type Page } from 'playwright-core';
import { appFrame, luminance, openModule, useLocalSite, type OpenedModule } from '../support/e2e';
import { invokeData } from '../support/invoke';
import { JiraClient } from '../../src/jira/client';
import { httpTransport } from '../../src/jira/http-transport';

const SHOTS = '/tmp/valuerank-readiness';

const site = useLocalSite({ reset: ['site', 'kvs'] });
const { server } = site;

async function openTab(page: Page): Promise<FrameLocator> {
  const ui = page.frameLocator('#vr-frame');
  await ui.getByRole('tab', { name: 'Readiness' }).click({ timeout: 30_000 });
  await ui.getByRole('form', { name: 'Readiness rules' }).waitFor({ timeout: 30_000 });
  return ui;
}

async function open(accountId: string, theme: 'light' | 'dark' = 'light'): Promise<OpenedModule> {
  const opened = await openModule(
    site.browser,
    `${server.url}/module/valuerank-project-page?as=${accountId}&project=TRAIL&theme=${theme}`,
  );
  return { ...opened, ui: await openTab(opened.page) };
}

const checkTrail83 = (accountId = 'local-po') =>
  invokeData(server.url, 'readiness.check', { issueKey: 'TRAIL-83' }, accountId, {
    moduleKey: 'valuerank-criteria-panel',
    extension: { issue: { key: 'TRAIL-83' } },
  });

it('the PO changes a severity and the bounds, tries them, saves, reloads, and resets', async () => {
  const { page, ui, errors } = await open('local-po');
  const form = ui.getByRole('form', { name: 'Readiness rules' });
  await ui.getByText("These are ValueRank's default rules", { exact: false }).waitFor();
  await form.getByText('No unsaved changes').waitFor();
  const openEnded = form.getByLabel('Open-ended', { exact: true });
  expect(await openEnded.inputValue()).toBe('error');

  // Edit: open-ended off, at least 1 and at most 8 criteria.
  await openEnded.selectOption('off');
  await form.getByLabel('Minimum criteria').fill('1');
  await form.getByLabel('Maximum criteria').fill('8');
  await form.getByText('Unsaved changes', { exact: true }).waitFor();

  // Try the unsaved rules: "etc." is no longer flagged, "quickly" still is.
  const tryBox = ui.getByRole('form', { name: 'Try the rules' });
  await tryBox.getByLabel('Sample text').fill('Export the report <b>quickly</b> to CSV, JSON, etc.');
  await tryBox.getByLabel('Read it as').selectOption('criterion');
  await tryBox.getByRole('button', { name: 'Try these rules' }).click();
  const result = ui.getByRole('region', { name: 'Findings on the sample' });
  const findings = result.getByRole('list', { name: 'Findings' });
  await findings.getByText('Ambiguous').waitFor();
  expect(await findings.getByText('Open-ended').count()).toBe(0);
  // The text is shown as text, never as HTML.
  await result.getByText('<b>', { exact: false }).first().waitFor();
  expect(await result.locator('b').count()).toBe(0);
  await page.screenshot({ path: `${SHOTS}-try.png`, fullPage: true });

  // Contradicting bounds: the server's error is shown next to the bounds, nothing saved.
  await form.getByLabel('Minimum criteria').fill('9');
  await form.getByRole('button', { name: 'Save rules' }).click();
  await form.getByText('The rules were not saved.', { exact: true }).waitFor();
  await form
    .locator('.vr-field__error', { hasText: 'bounds.min must not exceed bounds.max' })
    .first()
    .waitFor();
  expect(await form.getByLabel('Minimum criteria').getAttribute('aria-invalid')).toBe('true');
  expect((await invokeData(server.url, 'readiness.rules.get', { projectKey: 'TRAIL' })).stored).toBe(false);

  // Fix and save.
  await form.getByLabel('Minimum criteria').fill('1');
  await form.getByRole('button', { name: 'Save rules' }).click();
  await ui.getByText('Rules saved.', { exact: false }).waitFor();
  await ui.getByText('Last saved by Amara Okafor', { exact: false }).waitFor();
  await form.getByText('No unsaved changes').waitFor();

  // The saved rules take effect: TRAIL-83 has no open-ended finding any more.
  expect((await checkTrail83('local-dev')).findings.map((f) => f.kind)).not.toContain('open-ended');

  // Reload: the rules are kept.
  await page.reload();
  const again = await openTab(page);
  const form2 = again.getByRole('form', { name: 'Readiness rules' });
  await again.getByText('Last saved by Amara Okafor', { exact: false }).waitFor();
  expect(await form2.getByLabel('Open-ended', { exact: true }).inputValue()).toBe('off');
  expect(await form2.getByLabel('Minimum criteria').inputValue()).toBe('1');
  expect(await form2.getByLabel('Maximum criteria').inputValue()).toBe('8');
  await page.screenshot({ path: `${SHOTS}-saved.png`, fullPage: true });

  // Reset to the defaults, after a confirmation.
  await form2.getByRole('button', { name: 'Reset to defaults' }).click();
  const dialog = again.getByRole('dialog', { name: 'Reset the rules to the defaults?' });
  await dialog.getByRole('button', { name: 'Reset to defaults' }).click();
  await again.getByText('Rules reset to the defaults.').waitFor();
  expect(await form2.getByLabel('Open-ended', { exact: true }).inputValue()).toBe('error');
  expect((await checkTrail83()).findings.map((f) => f.kind)).toContain('open-ended');

  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

it('the developer sees the saved rules read-only (dark theme, token colours)', async () => {
  await invokeData(server.url, 'readiness.rules.save', {
    projectKey: 'TRAIL',
    config: { severity: { 'open-ended': 'off' }, bounds: { min: 1, max: 8 } },
  });
  const { page, ui, errors } = await open('local-dev', 'dark');
  const form = ui.getByRole('form', { name: 'Readiness rules' });
  await ui.getByText('Read-only: only administrators of project TRAIL can change these rules.').waitFor();
  await ui.getByText('Last saved by Amara Okafor', { exact: false }).waitFor();
  const openEnded = form.getByLabel('Open-ended', { exact: true });
  expect(await openEnded.inputValue()).toBe('off');
  expect(await openEnded.isDisabled()).toBe(true);
  expect(await form.getByLabel('Minimum criteria').isDisabled()).toBe(true);
  expect(await form.getByRole('button', { name: 'Save rules' }).count()).toBe(0);
  expect(await form.getByRole('button', { name: 'Reset to defaults' }).count()).toBe(0);

  // Trying is open to everyone who can see the project.
  const tryBox = ui.getByRole('form', { name: 'Try the rules' });
  await tryBox.getByLabel('Sample text').fill('Export to CSV, JSON, etc.');
  await tryBox.getByRole('button', { name: 'Try these rules' }).click();
  await ui
    .getByRole('region', { name: 'Findings on the sample' })
    .getByText('Ready', { exact: true })
    .waitFor();

  const frame = appFrame(page);
  await frame.waitForFunction("document.documentElement.getAttribute('data-color-mode') === 'dark'");
  const colours = await frame.evaluate<{ body: string; name: string; result: string }>(`(() => {
    const name = document.querySelector('.vr-readiness__rule-name');
    const result = document.querySelector('.vr-readiness__result');
    return {
      body: getComputedStyle(document.body).backgroundColor,
      name: name ? getComputedStyle(name).color : '',
      result: result ? getComputedStyle(result).backgroundColor : '',
    };
  })()`);
  expect(luminance(colours.body)).toBeLessThan(80);
  expect(luminance(colours.result)).toBeLessThan(80);
  expect(luminance(colours.name)).toBeGreaterThan(150);
  await page.screenshot({ path: `${SHOTS}-readonly-dark.png`, fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
}, 90_000);

it('the PO re-checks every issue of the project; JQL then finds the ones that are not ready', async () => {
  const asPo = new JiraClient(
    httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }),
  );
  const keysWhere = async (jql: string) =>
    (await asPo.search({ jql: `project = TRAIL AND ${jql}`, fields: ['summary'] })).map((i) => i.key);
  expect(await keysWhere('issue.property[valuerank-readiness].ready = "false"')).toEqual([]);

  const { page, ui, errors } = await open('local-po');
  const panel = ui.getByRole('region', { name: 'Re-check all issues' });
  await panel.getByText('No re-check of TRAIL has run yet.').waitFor();
  await panel.getByRole('button', { name: 'Re-check all issues' }).click();
  await panel.getByText('Last re-check finished', { exact: false }).waitFor({ timeout: 60_000 });
  const progress = panel.getByRole('progressbar', { name: 'Re-check progress' });
  const total = (await asPo.search({ jql: 'project = TRAIL', fields: ['summary'] })).length;
  expect(await progress.getAttribute('aria-valuenow')).toBe(String(total));
  await page.screenshot({ path: `${SHOTS}-recheck.png`, fullPage: true });

  const notReady = await keysWhere('issue.property[valuerank-readiness].ready = "false"');
  const ready = await keysWhere('issue.property[valuerank-readiness].ready = "true"');
  expect(notReady.length).toBeGreaterThan(0);
  expect(ready.length).toBeGreaterThan(0);
  expect(notReady.length + ready.length).toBe(total);
  expect(errors).toEqual([]);
  await page.close();

  // The developer sees the run, and no button.
  const dev = await open('local-dev');
  const devPanel = dev.ui.getByRole('region', { name: 'Re-check all issues' });
  await devPanel.getByText('Last re-check finished', { exact: false }).waitFor();
  await devPanel.getByText('Only administrators of TRAIL can start a re-check.').waitFor();
  expect(await devPanel.getByRole('button', { name: 'Re-check all issues' }).count()).toBe(0);
  expect(dev.errors).toEqual([]);
  await dev.page.close();
}, 120_000);
