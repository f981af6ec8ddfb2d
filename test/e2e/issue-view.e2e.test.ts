/**
 * The local site's issue view (`/browse/<key>`) in a real browser: the Product Owner edits TRAIL-83's
 * description in the plain editor, it is saved as ADF through the site's REST as them, and the framed issue
 * panel (the real Custom UI, told by JIRA_ISSUE_CHANGED) checks the issue again and shows the new criteria;
 * the panel and the badge frames are sized to their content. The viewer may not edit: Jira's refusal (a 400
 * naming the field, as Jira answers for a field not on the user's edit screen) is shown. Screenshot: /tmp/valuerank-issue-view.png.
 */
import { adfToText } from '../../dev/demo';
import { JiraClient } from '../../src/jira/client';
import { httpTransport } from '../../src/jira/http-transport';
import { openModule, useLocalSite } from '../support/e2e';

const site = useLocalSite({ reset: ['site', 'kvs'] });
const { server } = site;

const NEW_DESCRIPTION = `As a guest I want to filter tours by date so that I only see tours I can join.

## Acceptance criteria
- The date filter shows only tours with a departure on the chosen day
- The result count updates when the date changes
- Clearing the date shows all tours again`;

it('the PO edits the description in the issue view and the framed panel checks it again', async () => {
  const { page, errors } = await openModule(site.browser, `${server.url}/browse/TRAIL-83?as=local-po`, {
    viewport: { width: 1400, height: 1100 },
  });
  await page.getByRole('heading', { level: 1 }).waitFor();
  const panel = page.frameLocator('iframe[data-module="valuerank-criteria-panel"]').frameLocator('#vr-frame');
  const badge = page.frameLocator('iframe[data-module="valuerank-issue-context"]').frameLocator('#vr-frame');
  await panel.getByRole('region', { name: 'Acceptance criteria check' }).waitFor({ timeout: 30_000 });
  await badge.getByTestId('value-score').waitFor({ timeout: 30_000 });
  const before = await panel.getByText(/^Criteria found: \d+$/).textContent();

  // The editor holds the description as text; replace it and save (PUT /rest/api/3/issue as the PO).
  const editor = page.getByLabel('Description', { exact: true });
  expect(await editor.inputValue()).not.toBe('');
  await editor.fill(NEW_DESCRIPTION);
  await page.getByRole('button', { name: 'Save description' }).click();
  await page.getByRole('status').getByText('Saved.').waitFor();

  // The site stored ADF (a heading and a bullet list), and the panel shows the three new criteria.
  const asPo = new JiraClient(
    httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }),
  );
  const stored = (await asPo.issue('TRAIL-83', ['description'])).fields.description as {
    content: Array<{ type: string }>;
  };
  expect(stored.content.map((b) => b.type)).toEqual(['paragraph', 'heading', 'bulletList']);
  expect(adfToText(stored)).toContain('Clearing the date shows all tours again');
  await panel.getByText('Criteria found: 3', { exact: true }).waitFor({ timeout: 30_000 });
  expect(before).not.toBe('Criteria found: 3');
  await panel.getByText('The result count updates when the date changes', { exact: false }).first().waitFor();

  // Both module frames take their content's height (not a fixed one).
  for (const module of ['valuerank-criteria-panel', 'valuerank-issue-context']) {
    const frame = page.locator(`iframe[data-module="${module}"]`);
    await page.waitForFunction(
      `Number(document.querySelector('iframe[data-module="${module}"]')?.getAttribute('data-content-height')) > 40`,
    );
    const content = Number(await frame.getAttribute('data-content-height'));
    expect(Math.abs((await frame.boundingBox())!.height - content)).toBeLessThanOrEqual(1);
  }
  await page.screenshot({ path: '/tmp/valuerank-issue-view.png', fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

it("the viewer may not edit: Jira's refusal is shown and nothing changes", async () => {
  const { page } = await openModule(site.browser, `${server.url}/browse/TRAIL-83?as=local-viewer`, {
    failedResponses: false,
  });
  const editor = page.getByLabel('Description', { exact: true });
  const original = await editor.inputValue();
  await editor.fill('Nothing to see here');
  await page.getByRole('button', { name: 'Save description' }).click();
  await page
    .getByRole('status')
    .getByText(/^Not saved: Jira answered 400: Field 'description' cannot be set/)
    .waitFor();
  const asPo = new JiraClient(
    httpTransport({ siteUrl: server.url, headers: { 'X-Local-User': 'local-po' } }),
  );
  expect(adfToText((await asPo.issue('TRAIL-83', ['description'])).fields.description)).not.toContain(
    'Nothing to see here',
  );
  expect(original).not.toBe('');
  await page.close();
}, 60_000);
