/**
 * Questions for the PO in a real browser (Chromium through playwright-core): the built Custom UI in the Jira
 * shell, the real bridge and resolvers, the local site. A developer asks on the issue panel, the PO sees it in
 * the project's Questions tab and answers on the panel, the question leaves the list, the developer sees the
 * answer in place, and JQL on the indexed issue property finds the right issues before and after.
 * Screenshots go to /tmp/valuerank-questions-*.png.
 */
import type { Locator } from 'playwright-core';
import { openModule, useLocalSite, type OpenedModule } from '../support/e2e';

const SHOTS = '/tmp/valuerank-questions';
const ISSUE = 'TRAIL-7';
const QUESTION = 'Do winter trails count as closed trails here?';

const site = useLocalSite({ reset: ['site', 'kvs'] });
const { server } = site;

/** The issue panel, once both its parts have loaded (the criteria check above moves the questions down). */
async function panel(as: string): Promise<OpenedModule> {
  const opened = await openModule(
    site.browser,
    `${server.url}/module/valuerank-criteria-panel?as=${as}&issue=${ISSUE}`,
    { viewport: { width: 900, height: 1200 } },
  );
  await opened.ui.getByTestId('verdict').waitFor();
  await opened.ui.getByRole('heading', { name: 'Questions for the PO' }).waitFor();
  return opened;
}
const projectPage = (as: string): Promise<OpenedModule> =>
  openModule(site.browser, `${server.url}/module/valuerank-project-page?as=${as}&project=TRAIL`);

/** Clicks `button` until `shows` is there: a click while the framed panel resizes can miss the button. */
async function clickUntil(button: Locator, shows: Locator): Promise<void> {
  for (let attempt = 0; attempt < 3 && !(await shows.isVisible()); attempt++) {
    await button.click();
    await shows.waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
  await shows.waitFor();
}

/** The keys JQL finds with open questions, as the PO asks Jira directly. */
async function withOpenQuestions(): Promise<string[]> {
  const response = await fetch(`${server.url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Local-User': 'local-po' },
    body: JSON.stringify({
      jql: 'project = TRAIL AND issue.property[valuerank-questions].open > 0 ORDER BY key',
      fields: ['id'],
    }),
  });
  const body = (await response.json()) as { issues: Array<{ key: string }> };
  return body.issues.map((i) => i.key).sort();
}

async function questionRows(as: string): Promise<{ texts: string[]; page: OpenedModule }> {
  const opened = await projectPage(as);
  await opened.ui.getByRole('tab', { name: 'Questions' }).click();
  const table = opened.ui.getByRole('table');
  await table.waitFor();
  const texts = await table.locator('tbody tr').allTextContents();
  return { texts, page: opened };
}

describe('questions for the PO', () => {
  it('a developer asks, the PO answers, the question leaves the list; JQL follows', async () => {
    const before = await withOpenQuestions();
    expect(before).toHaveLength(3);
    expect(before).not.toContain(ISSUE);

    // The developer asks on the issue panel.
    const dev = await panel('local-dev');
    await clickUntil(dev.ui.getByRole('button', { name: 'Ask the PO' }), dev.ui.getByLabel('Your question'));
    await dev.ui.getByLabel('Your question').fill(QUESTION);
    await dev.ui.getByRole('button', { name: 'Ask', exact: true }).click();
    const asked = dev.ui.getByTestId('question').filter({ hasText: QUESTION });
    await asked.waitFor();
    await expect(asked.textContent()).resolves.toMatch(/Open.*Jonas Lindqvist asked today/);
    // The developer is not the PO: no answer button.
    await expect(asked.getByRole('button', { name: 'Answer' }).count()).resolves.toBe(0);
    await dev.page.screenshot({ path: `${SHOTS}-asked.png` });
    expect(dev.errors).toEqual([]);
    await dev.page.close();

    expect(await withOpenQuestions()).toEqual([...before, ISSUE].sort());

    // The PO sees it in the project's Questions list (the demo's three and this one).
    const listed = await questionRows('local-po');
    expect(listed.texts).toHaveLength(4);
    expect(listed.texts.some((t) => t.includes(ISSUE) && t.includes(QUESTION))).toBe(true);
    await listed.page.page.screenshot({ path: `${SHOTS}-list.png` });
    await listed.page.page.close();

    // The PO answers on the issue panel.
    const po = await panel('local-po');
    const open = po.ui.getByTestId('question').filter({ hasText: QUESTION });
    await clickUntil(open.getByRole('button', { name: 'Answer' }), po.ui.getByLabel('Your answer'));
    await po.ui.getByLabel('Your answer').fill('Yes: closed in winter means closed.');
    await po.ui.getByRole('button', { name: 'Send answer' }).click();
    await open.getByTestId('answer').waitFor();
    await expect(open.getByTestId('answer').textContent()).resolves.toMatch(
      /Amara Okafor answered.*Yes: closed in winter means closed\./,
    );
    await po.page.screenshot({ path: `${SHOTS}-answered.png` });
    expect(po.errors).toEqual([]);
    await po.page.close();

    expect(await withOpenQuestions()).toEqual(before);
    const after = await questionRows('local-po');
    expect(after.texts).toHaveLength(3);
    expect(after.texts.some((t) => t.includes(QUESTION))).toBe(false);
    expect(after.page.errors).toEqual([]);
    await after.page.page.close();

    // The developer sees the answer in place.
    const again = await panel('local-dev');
    const seen = again.ui.getByTestId('question').filter({ hasText: QUESTION });
    await seen.getByTestId('answer').waitFor();
    await expect(seen.textContent()).resolves.toMatch(/Answered/);
    expect(again.errors).toEqual([]);
    await again.page.close();
  }, 90_000);
});
